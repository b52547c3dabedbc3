package org.ganscan.imaging;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Texture statistics of image regions. Stateless and thread-safe. */
public final class Texture {
  private static final int SIDE = 64;

  public Texture() {
    OpenCv.load();
  }

  /**
   * Share of a region's pixels with no curvature: |Laplacian| of at most 1 grey level after the
   * region is resampled to 64x64. Drawn and flat-shaded images score high; photographs, with
   * sensor noise and shading, low.
   *
   * @param x region left, image pixels (clipped to the image)
   */
  public double flatFraction(RgbImage image, int x, int y, int w, int h) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(image.width(), x + w);
    int y1 = Math.min(image.height(), y + h);
    if (x1 - x0 < 4 || y1 - y0 < 4) {
      return Double.NaN;
    }
    try (var owner = new MatOwner()) {
      // Only the region is converted to grey: the check runs once per face on full-size images.
      Mat grey = owner.add(new Mat());
      Imgproc.cvtColor(owner.add(Mats.rgb(image, owner).submat(new Rect(x0, y0, x1 - x0, y1 - y0))), grey, Imgproc.COLOR_RGB2GRAY);
      Mat small = owner.add(new Mat());
      Imgproc.resize(grey, small, new Size(SIDE, SIDE), 0, 0, Imgproc.INTER_AREA);
      Mat lap = owner.add(new Mat());
      Imgproc.Laplacian(small, lap, CvType.CV_16S, 1);
      short[] v = new short[SIDE * SIDE];
      lap.get(0, 0, v);
      int flat = 0;
      for (short q : v) {
        if (Math.abs(q) <= 1) {
          flat++;
        }
      }
      return flat / (double) v.length;
    }
  }
}
