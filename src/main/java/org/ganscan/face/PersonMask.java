package org.ganscan.face;

/**
 * Selfie segmentation's person probability over the image, stored at a reduced resolution.
 *
 * @param width mask width in mask pixels
 * @param height mask height in mask pixels
 * @param probability 0..255 per mask pixel, row by row (255 = person)
 * @param scale mask pixels per image pixel
 */
public record PersonMask(int width, int height, byte[] probability, double scale) {
  public PersonMask {
    if (width <= 0 || height <= 0 || probability.length != width * height) {
      throw new IllegalArgumentException("mask size and data disagree: " + width + "x" + height + ", " + probability.length);
    }
    if (!(scale > 0)) {
      throw new IllegalArgumentException("mask scale must be positive: " + scale);
    }
    probability = probability.clone();
  }

  /** The mask, 0..255 per mask pixel (a copy). */
  @Override
  public byte[] probability() {
    return probability.clone();
  }

  /** Person probability at an image point; 0 outside the image. */
  public double at(PixelPoint p) {
    int x = (int) Math.floor(p.x() * scale);
    int y = (int) Math.floor(p.y() * scale);
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return (probability[y * width + x] & 0xFF) / 255.0;
  }

  /** The mask column under image x ({@link #at}'s rounding); -1 outside. */
  int column(double imageX) {
    int x = (int) Math.floor(imageX * scale);
    return x < 0 || x >= width ? -1 : x;
  }

  /** The mask row under image y ({@link #at}'s rounding); -1 outside. */
  int row(double imageY) {
    int y = (int) Math.floor(imageY * scale);
    return y < 0 || y >= height ? -1 : y;
  }

  /** The probability at a mask column and row from {@link #column} and {@link #row}; 0 outside. */
  double sample(int column, int row) {
    return column < 0 || row < 0 ? 0 : (probability[row * width + column] & 0xFF) / 255.0;
  }

  /** Share of the image covered by the person (probability above one half). */
  public double personShare() {
    int n = 0;
    for (byte b : probability) {
      if ((b & 0xFF) > 127) {
        n++;
      }
    }
    return n / (double) probability.length;
  }
}
