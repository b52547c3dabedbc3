package org.ganscan.image;

import org.ganscan.imaging.RgbImage;
import java.nio.file.Path;
import java.util.Objects;

/** One input file as evidence: where it was, its sha256, its container format and its pixels. */
public record Portrait(Path path, String sha256, ImageFormat format, RgbImage image) {
  public Portrait {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(image, "image");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
    }
  }

  public int width() {
    return image.width();
  }

  public int height() {
    return image.height();
  }
}
