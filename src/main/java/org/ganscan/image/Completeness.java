package org.ganscan.image;

/**
 * Checks that an encoded file is whole before decoding it. Decoders happily return a half-grey
 * picture from a truncated JPEG; a screening tool must call that an error instead.
 */
final class Completeness {
  private Completeness() {}

  static void check(ImageFormat format, byte[] b) throws ImageException {
    switch (format) {
      case JPEG -> {
        if (!JpegStructure.walk(b).complete()) {
          throw new ImageException("truncated jpeg: no end-of-image marker");
        }
        JpegIntegrity.check(b);
      }
      case PNG -> {
        if (indexOf(b, new byte[] {'I', 'E', 'N', 'D'}, Math.max(0, b.length - 64)) < 0) {
          throw new ImageException("truncated png: no IEND chunk");
        }
      }
      case WEBP -> {
        long declared = 8L + ((b[4] & 0xFF) | (b[5] & 0xFF) << 8 | (b[6] & 0xFF) << 16 | (long) (b[7] & 0xFF) << 24);
        if (declared > b.length) {
          throw new ImageException("truncated webp: " + b.length + " of " + declared + " bytes present");
        }
      }
      default -> {}
    }
  }

  private static int indexOf(byte[] b, byte[] needle, int from) {
    outer:
    for (int i = from; i <= b.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
