package org.ganscan.imaging;

/**
 * Decoded pixels: 8-bit RGB, interleaved, row by row, top-left origin. Immutable: the public
 * constructor and {@link #rgb()} copy; inside {@code imaging} the array is shared with OpenCV
 * without a copy, and no code there writes to it.
 */
public final class RgbImage {
  private final int width;
  private final int height;
  private final byte[] rgb;

  /** An image of a copy of {@code rgb}. */
  public RgbImage(int width, int height, byte[] rgb) {
    this(width, height, rgb.clone(), true);
  }

  private RgbImage(int width, int height, byte[] rgb, boolean owned) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException(
          "expected " + (long) width * height * 3 + " bytes for " + width + "x" + height + " RGB, got " + rgb.length);
    }
    this.width = width;
    this.height = height;
    this.rgb = rgb;
  }

  /** Takes ownership of {@code rgb} (a freshly decoded array no one else holds), without a copy. */
  static RgbImage wrap(int width, int height, byte[] rgb) {
    return new RgbImage(width, height, rgb, true);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int longestSide() {
    return Math.max(width, height);
  }

  /** The pixels, interleaved RGB (a copy). */
  public byte[] rgb() {
    return rgb.clone();
  }

  /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel {@code i} (row-major), 0..255. */
  public int channel(int i, int c) {
    return rgb[3 * i + c] & 0xFF;
  }

  /** The array itself, for OpenCV inside this package; never written to. */
  byte[] shared() {
    return rgb;
  }
}
