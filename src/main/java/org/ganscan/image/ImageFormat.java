package org.ganscan.image;

import java.util.Optional;

/** Container formats ganscan decodes, recognised by their leading bytes, never by file name. */
public enum ImageFormat {
  JPEG("jpeg"),
  PNG("png"),
  WEBP("webp"),
  BMP("bmp"),
  TIFF("tiff"),
  GIF("gif");

  private final String label;

  ImageFormat(String label) {
    this.label = label;
  }

  /** The lower-case name used in output records. */
  public String label() {
    return label;
  }

  /** Recognises the format from the first bytes of a file. */
  public static Optional<ImageFormat> sniff(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (starts(b, 'B', 'M')) {
      return Optional.of(BMP);
    }
    if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
