package org.ganscan.face;

/** A point as a fraction of the image's width (u) and height (v), origin top-left. */
public record NormalizedPoint(double u, double v) {
  public NormalizedPoint {
    if (!Double.isFinite(u) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("normalized point must be finite: " + u + ", " + v);
    }
  }

  public PixelPoint toPixels(int width, int height) {
    return new PixelPoint(u * width, v * height);
  }
}
