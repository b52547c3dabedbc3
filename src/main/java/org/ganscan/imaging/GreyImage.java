package org.ganscan.imaging;

/**
 * A grey-level image as floats 0..255, row by row, with the scale from the source image.
 * Immutable: the public constructor and {@link #values()} copy; inside {@code imaging} the array
 * is shared with OpenCV without a copy.
 */
public final class GreyImage {
  private final int width;
  private final int height;
  private final float[] values;
  private final double scale;

  /**
   * An image of a copy of {@code values}.
   *
   * @param scale analysis pixels per source-image pixel
   */
  public GreyImage(int width, int height, float[] values, double scale) {
    this(values.clone(), width, height, scale);
  }

  private GreyImage(float[] values, int width, int height, double scale) {
    if (width <= 0 || height <= 0 || values.length != width * height) {
      throw new IllegalArgumentException("grey image size and data disagree: " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.values = values;
    this.scale = scale;
  }

  /** Takes ownership of {@code values} without a copy. */
  static GreyImage wrap(int width, int height, float[] values, double scale) {
    return new GreyImage(values, width, height, scale);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Analysis pixels per source-image pixel. */
  public double scale() {
    return scale;
  }

  public float at(int x, int y) {
    return values[y * width + x];
  }

  /** The value at row-major index {@code i}. */
  public float at(int i) {
    return values[i];
  }

  /** Copies {@code n} values of row {@code y} from column {@code x} into {@code out} at {@code offset}. */
  public void copyRow(int y, int x, int n, float[] out, int offset) {
    System.arraycopy(values, y * width + x, out, offset, n);
  }

  /** The values (a copy). */
  public float[] values() {
    return values.clone();
  }

  /** The array itself, for OpenCV inside this package; never written to. */
  float[] shared() {
    return values;
  }
}
