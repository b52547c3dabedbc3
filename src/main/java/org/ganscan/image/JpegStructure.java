package org.ganscan.image;

/**
 * A JPEG's marker structure walked the way libjpeg walks it: segments skipped by their length,
 * bytes that are not a marker skipped as libjpeg skips them (including {@code FF 00}, which is no
 * marker outside entropy-coded data), entropy-coded data scanned for the next real marker. So the
 * frame size found is the one the decoder will allocate (the first SOF, not one hidden inside a
 * comment), and a file is whole only when its structure reaches end-of-image (not when an EXIF
 * thumbnail's {@code FF D9} happens to sit near its end).
 *
 * @param width of the first frame header, -1 when none was found
 * @param height of the first frame header, -1 when none was found
 * @param complete whether the walk reached the end-of-image marker
 */
record JpegStructure(int width, int height, boolean complete) {
  static JpegStructure walk(byte[] b) {
    int width = -1;
    int height = -1;
    int i = 2; // after SOI
    while (i + 1 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        i++; // extraneous byte before a marker: libjpeg warns and skips it
        continue;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF || marker == 0x00) {
        i++; // fill byte, or a stuffed zero that is not a marker here
        continue;
      }
      if (marker == 0xD9) {
        return new JpegStructure(width, height, true);
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        i += 2; // standalone markers
        continue;
      }
      if (i + 3 >= b.length) {
        break;
      }
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if (length < 2) {
        break; // a corrupt segment length: libjpeg stops with an error
      }
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof && width < 0 && i + 8 < b.length) {
        height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
        width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
      }
      i += 2 + length;
      if (marker == 0xDA) {
        i = afterEntropyCodedData(b, i);
      }
    }
    return new JpegStructure(width, height, false);
  }

  /** The offset of the first real marker after a scan's entropy-coded data (restart markers belong to the data). */
  private static int afterEntropyCodedData(byte[] b, int i) {
    while (i + 1 < b.length) {
      if ((b[i] & 0xFF) == 0xFF) {
        int next = b[i + 1] & 0xFF;
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF) {
          i += next == 0xFF ? 1 : 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return b.length;
  }
}
