package org.ganscan.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ellipse fit recovers a known ellipse, and the radial distance measures a point's offset from it. */
class EllipseFitTest {
  private final EllipseFit fit = new EllipseFit();

  private static double[][] arc(double cx, double cy, double a, double b, double angle, double from, double to, int n) {
    double[][] xy = new double[2][n];
    for (int i = 0; i < n; i++) {
      double t = from + (to - from) * i / (n - 1);
      double u = a * Math.cos(t);
      double v = b * Math.sin(t);
      xy[0][i] = cx + u * Math.cos(angle) - v * Math.sin(angle);
      xy[1][i] = cy + u * Math.sin(angle) + v * Math.cos(angle);
    }
    return xy;
  }

  @Test
  void recoversARotatedEllipseFromItsOutline() {
    double[][] xy = arc(50, 40, 20, 12, Math.toRadians(30), 0, 2 * Math.PI, 40);
    EllipseFit.Ellipse e = fit.fit(xy[0], xy[1]).orElseThrow();
    assertEquals(50, e.centreX(), 0.05);
    assertEquals(40, e.centreY(), 0.05);
    assertEquals(20, e.semiMajor(), 0.05);
    assertEquals(12, e.semiMinor(), 0.05);
    for (int i = 0; i < 40; i++) {
      assertEquals(0, e.radialDistance(xy[0][i], xy[1][i]), 0.05, "point " + i);
    }
  }

  @Test
  void radialDistanceIsTheOffsetAlongTheRayFromTheCentre() {
    EllipseFit.Ellipse circle = new EllipseFit.Ellipse(10, 10, 5, 5, 0.3);
    assertEquals(2, circle.radialDistance(17, 10), 1e-9);
    assertEquals(1, circle.radialDistance(10, 6), 1e-9);
  }

  @Test
  void fitsTwoSideArcsOfACircleAsTheIrisTraitSeesThem() {
    double[][] right = arc(30, 30, 10, 10, 0, -Math.PI / 4, Math.PI / 4, 10);
    double[][] left = arc(30, 30, 10, 10, 0, 3 * Math.PI / 4, 5 * Math.PI / 4, 10);
    double[] xs = new double[20];
    double[] ys = new double[20];
    for (int i = 0; i < 10; i++) {
      xs[i] = right[0][i];
      ys[i] = right[1][i];
      xs[10 + i] = left[0][i];
      ys[10 + i] = left[1][i];
    }
    EllipseFit.Ellipse e = fit.fit(xs, ys).orElseThrow();
    double worst = 0;
    for (int i = 0; i < 20; i++) {
      worst = Math.max(worst, e.radialDistance(xs[i], ys[i]));
    }
    assertTrue(worst < 0.05, "largest residual " + worst + " for " + e);
  }
}
