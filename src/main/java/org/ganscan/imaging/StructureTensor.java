package org.ganscan.imaging;

import java.util.BitSet;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Orientation coherence from the structure tensor (OpenCV filters). Stateless and thread-safe. */
public final class StructureTensor {
  public StructureTensor() {
    OpenCv.load();
  }

  /**
   * Energy-weighted mean coherence (l1 - l2) / (l1 + l2) of the structure tensor of central-difference
   * gradients, summed over a (2r+1)^2 window (clipped at the image border), over the region's
   * pixels: 1 for parallel strands, near 0 for isotropic texture, 0 for an empty region.
   *
   * @param region pixel set on {@code g}, index {@code y * width + x}
   */
  public double coherence(GreyImage g, BitSet region, int r) {
    Rect box = grownBounds(g, region, r);
    if (box == null) {
      return 0;
    }
    try (var owner = new MatOwner()) {
      Mat grey = owner.add(new Mat(g.height(), g.width(), CvType.CV_32F));
      grey.put(0, 0, g.shared());
      // Gradients of the window area only; as a view of the whole image it reads true neighbours at its edges.
      Mat roi = owner.add(grey.submat(box));
      Mat gx = owner.add(new Mat());
      Mat gy = owner.add(new Mat());
      Imgproc.Sobel(roi, gx, CvType.CV_64F, 1, 0, 1, 0.5, 0, Core.BORDER_REPLICATE);
      Imgproc.Sobel(roi, gy, CvType.CV_64F, 0, 1, 1, 0.5, 0, Core.BORDER_REPLICATE);
      Mat a = windowSum(product(gx, gx, owner), r, owner);
      Mat b = windowSum(product(gy, gy, owner), r, owner);
      Mat c = windowSum(product(gx, gy, owner), r, owner);
      double[] va = doubles(a);
      double[] vb = doubles(b);
      double[] vc = doubles(c);
      double num = 0;
      double den = 0;
      for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
        int k = (i / g.width() - box.y) * box.width + (i % g.width() - box.x);
        double trace = va[k] + vb[k];
        if (trace > 1e-6) {
          num += Math.sqrt((va[k] - vb[k]) * (va[k] - vb[k]) + 4 * vc[k] * vc[k]);
          den += trace;
        }
      }
      return den > 0 ? num / den : 0;
    }
  }

  /** The region's bounding box grown by r and clipped to the image, or null when the region is empty. */
  private static Rect grownBounds(GreyImage g, BitSet region, int r) {
    int w = g.width();
    int x0 = w;
    int y0 = g.height();
    int x1 = -1;
    int y1 = -1;
    for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
      x0 = Math.min(x0, i % w);
      x1 = Math.max(x1, i % w);
      y0 = Math.min(y0, i / w);
      y1 = Math.max(y1, i / w);
    }
    if (x1 < 0) {
      return null;
    }
    x0 = Math.max(0, x0 - r);
    y0 = Math.max(0, y0 - r);
    x1 = Math.min(w - 1, x1 + r);
    y1 = Math.min(g.height() - 1, y1 + r);
    return new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }

  private static Mat product(Mat p, Mat q, MatOwner owner) {
    Mat out = owner.add(new Mat());
    Core.multiply(p, q, out);
    return out;
  }

  /** Unnormalised (2r+1)^2 box sum; outside the area counts as 0, as outside the image. */
  private static Mat windowSum(Mat m, int r, MatOwner owner) {
    Mat out = owner.add(new Mat());
    Imgproc.boxFilter(m, out, CvType.CV_64F, new Size(2 * r + 1, 2 * r + 1), new Point(-1, -1), false, Core.BORDER_CONSTANT);
    return out;
  }

  private static double[] doubles(Mat m) {
    double[] out = new double[(int) m.total()];
    m.get(0, 0, out);
    return out;
  }
}
