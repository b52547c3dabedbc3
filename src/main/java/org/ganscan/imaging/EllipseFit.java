package org.ganscan.imaging;

import java.util.Optional;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.imgproc.Imgproc;

/** Least-squares ellipse through outline points (OpenCV {@code fitEllipse}). Stateless and thread-safe. */
public final class EllipseFit {
  public EllipseFit() {
    OpenCv.load();
  }

  /**
   * An ellipse in the points' own pixel frame.
   *
   * @param semiMajor the longer semi-axis, pixels
   * @param semiMinor the shorter semi-axis, pixels
   * @param angle the major axis's direction, radians from the x axis
   */
  public record Ellipse(double centreX, double centreY, double semiMajor, double semiMinor, double angle) {
    public Ellipse {
      if (!(semiMinor > 0) || semiMajor < semiMinor || !Double.isFinite(centreX) || !Double.isFinite(centreY)) {
        throw new IllegalArgumentException("not an ellipse: axes " + semiMajor + ", " + semiMinor);
      }
    }

    /**
     * Distance of a point from the outline, measured along the ray from the centre through the
     * point (close to the true distance for near-circular ellipses), pixels.
     */
    public double radialDistance(double x, double y) {
      double dx = x - centreX;
      double dy = y - centreY;
      double r = Math.hypot(dx, dy);
      double u = (dx * Math.cos(angle) + dy * Math.sin(angle)) / semiMajor;
      double v = (-dx * Math.sin(angle) + dy * Math.cos(angle)) / semiMinor;
      double rho = Math.hypot(u, v);
      return rho == 0 ? Math.sqrt(semiMajor * semiMinor) : Math.abs(r - r / rho);
    }
  }

  /** The fitted ellipse, or empty for fewer than 5 points or a degenerate fit. */
  public Optional<Ellipse> fit(double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("x and y counts differ: " + xs.length + " vs " + ys.length);
    }
    if (xs.length < 5) {
      return Optional.empty();
    }
    Point[] points = new Point[xs.length];
    for (int i = 0; i < xs.length; i++) {
      points[i] = new Point(xs[i], ys[i]);
    }
    MatOfPoint2f mat = new MatOfPoint2f(points);
    try {
      RotatedRect r = Imgproc.fitEllipse(mat);
      double a = r.size.width / 2;
      double b = r.size.height / 2;
      double angle = Math.toRadians(r.angle);
      if (!(Math.min(a, b) > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
        return Optional.empty();
      }
      return Optional.of(a >= b
          ? new Ellipse(r.center.x, r.center.y, a, b, angle)
          : new Ellipse(r.center.x, r.center.y, b, a, angle + Math.PI / 2));
    } finally {
      mat.release();
    }
  }
}
