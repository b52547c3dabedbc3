package org.ganscan.face;

/** A point in image pixels: x right, y down, origin at the top-left corner of the image. */
public record PixelPoint(double x, double y) {
  public PixelPoint {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("pixel point must be finite: " + x + ", " + y);
    }
  }

  public double distanceTo(PixelPoint o) {
    return Math.hypot(x - o.x, y - o.y);
  }

  public PixelPoint midpoint(PixelPoint o) {
    return new PixelPoint((x + o.x) / 2, (y + o.y) / 2);
  }

  /** This point as a fraction of the image's width and height. */
  public NormalizedPoint normalize(int width, int height) {
    return new NormalizedPoint(x / width, y / height);
  }

  /** Mean of points. */
  public static PixelPoint mean(Iterable<PixelPoint> points) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (PixelPoint p : points) {
      sx += p.x;
      sy += p.y;
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException("mean of no points");
    }
    return new PixelPoint(sx / n, sy / n);
  }
}
