package org.ganscan.imaging;

import java.util.BitSet;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Straight edge segments (Canny, then probabilistic Hough) inside a region. Stateless. */
public final class Lines {
  public Lines() {
    OpenCv.load();
  }

  /**
   * Total length of straight segments whose edge pixels lie in {@code region}.
   *
   * @param minLength shortest segment counted, raster pixels
   */
  public double totalLength(GreyImage grey, BitSet region, double minLength) {
    try (var owner = new MatOwner()) {
      Mat f = owner.add(new Mat(grey.height(), grey.width(), CvType.CV_32F));
      f.put(0, 0, grey.shared());
      Mat u8 = owner.add(new Mat());
      f.convertTo(u8, CvType.CV_8U);
      Mat edges = owner.add(new Mat());
      Imgproc.Canny(u8, edges, 50, 150);
      byte[] e = new byte[(int) edges.total()];
      edges.get(0, 0, e);
      for (int i = 0; i < e.length; i++) {
        if (!region.get(i)) {
          e[i] = 0;
        }
      }
      edges.put(0, 0, e);
      Mat segments = owner.add(new Mat());
      Imgproc.HoughLinesP(edges, segments, 1, Math.PI / 180, 20, minLength, 3);
      double total = 0;
      for (int i = 0; i < segments.rows(); i++) {
        int[] s = new int[4];
        segments.get(i, 0, s);
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        total += Math.sqrt(dx * dx + dy * dy); // integers: exact, as hypot, and intrinsic
      }
      return total;
    }
  }
}
