package org.ganscan.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first frame of an animated WebP as a still WebP file, which the decoder reads (as GIF and
 * APNG give their first frame). The RIFF chunks are walked by their sizes: an {@code ANMF} chunk
 * holds a frame's own {@code ALPH}/{@code VP8 }/{@code VP8L} chunks after a 16-byte frame header.
 */
final class WebpFrames {
  private WebpFrames() {}

  /** The first frame as a still WebP, or empty when the file is not animated (or has no frame). */
  static Optional<byte[]> firstFrame(byte[] b) {
    for (int i = 12; i + 8 <= b.length; ) {
      String id = new String(b, i, 4, StandardCharsets.US_ASCII);
      long size = le32(b, i + 4);
      if (id.equals("ANMF")) {
        int from = i + 8 + 16;
        int to = (int) Math.min(b.length, i + 8 + size);
        if (from >= to) {
          return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int payload = to - from;
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32Bytes(4 + payload));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.write(b, from, payload);
        return Optional.of(out.toByteArray());
      }
      long next = i + 8L + size + (size & 1);
      if (next > b.length) {
        break; // a chunk running past the end: not animated as far as this file goes
      }
      i = (int) next;
    }
    return Optional.empty();
  }

  private static long le32(byte[] b, int i) {
    return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
  }

  private static byte[] le32Bytes(long v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
