package org.ganscan.imaging;

/**
 * Decoded pixels: 8-bit RGB, interleaved, row by row, top-left origin.
 *
 * <p>The array is shared, not copied, for speed; no stage writes to it.
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException(
          "expected " + (long) width * height * 3 + " bytes for " + width + "x" + height + " RGB, got " + rgb.length);
    }
  }

  public int longestSide() {
    return Math.max(width, height);
  }
}
