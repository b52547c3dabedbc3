package org.ganscan.imaging;

/**
 * How a model wants its square RGB input: side in pixels, value mapping {@code v * scale + offset}
 * for 0..255 values, and the memory layout.
 */
public record TensorSpec(int size, float scale, float offset, Layout layout) {
  public TensorSpec {
    if (size <= 0) {
      throw new IllegalArgumentException("tensor size must be positive: " + size);
    }
  }

  /** Channel order in memory. */
  public enum Layout {
    /** batch, height, width, channel. */
    NHWC,
    /** batch, channel, height, width. */
    NCHW
  }

  /** Values in [-1, 1]. */
  public static TensorSpec minusOneToOne(int size, Layout layout) {
    return new TensorSpec(size, 1f / 127.5f, -1f, layout);
  }

  /** Values in [0, 1]. */
  public static TensorSpec zeroToOne(int size, Layout layout) {
    return new TensorSpec(size, 1f / 255f, 0f, layout);
  }

  public int[] shape() {
    return layout == Layout.NHWC ? new int[] {1, size, size, 3} : new int[] {1, 3, size, size};
  }
}
