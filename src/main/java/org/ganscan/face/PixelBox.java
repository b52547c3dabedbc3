package org.ganscan.face;

/** An axis-aligned box in image pixels: top-left corner, width and height. */
public record PixelBox(double x, double y, double w, double h) {
  public PixelBox {
    if (!(w >= 0) || !(h >= 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("bad box: " + x + "," + y + " " + w + "x" + h);
    }
  }

  public PixelPoint centre() {
    return new PixelPoint(x + w / 2, y + h / 2);
  }

  public double area() {
    return w * h;
  }

  public double iou(PixelBox o) {
    double ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
    double iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
    double inter = ix * iy;
    double union = area() + o.area() - inter;
    return union <= 0 ? 0 : inter / union;
  }

  /** Box around points. */
  public static PixelBox around(Iterable<PixelPoint> points) {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (PixelPoint p : points) {
      x0 = Math.min(x0, p.x());
      y0 = Math.min(y0, p.y());
      x1 = Math.max(x1, p.x());
      y1 = Math.max(y1, p.y());
    }
    return new PixelBox(x0, y0, x1 - x0, y1 - y0);
  }
}
