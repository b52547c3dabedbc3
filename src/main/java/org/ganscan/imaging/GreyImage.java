package org.ganscan.imaging;

/**
 * A grey-level image as floats 0..255, row by row, with the scale from the source image.
 *
 * @param scale analysis pixels per source-image pixel
 */
public record GreyImage(int width, int height, float[] values, double scale) {
  public GreyImage {
    if (width <= 0 || height <= 0 || values.length != width * height) {
      throw new IllegalArgumentException("grey image size and data disagree: " + width + "x" + height);
    }
  }

  public float at(int x, int y) {
    return values[y * width + x];
  }
}
