package org.ganscan.imaging;

import java.util.BitSet;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Rasterises shapes into pixel sets and makes the grey analysis image. Stateless. */
public final class Raster {
  public Raster() {
    OpenCv.load();
  }

  /** Grey version of the image, shrunk so its longest side is at most {@code maxSide}. */
  public GreyImage grey(RgbImage image, int maxSide) {
    double scale = Math.min(1.0, maxSide / (double) image.longestSide());
    int w = Math.max(1, (int) Math.round(image.width() * scale));
    int h = Math.max(1, (int) Math.round(image.height() * scale));
    try (var owner = new MatOwner()) {
      Mat grey = owner.add(new Mat());
      Imgproc.cvtColor(Mats.rgb(image, owner), grey, Imgproc.COLOR_RGB2GRAY);
      Mat small = grey;
      if (scale < 1) {
        small = owner.add(new Mat());
        Imgproc.resize(grey, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
      }
      Mat f = owner.add(new Mat());
      small.convertTo(f, CvType.CV_32F);
      return GreyImage.wrap(w, h, Mats.floats(f), w / (double) image.width());
    }
  }

  /**
   * The grey image resampled by {@code factor} (area averaging when shrinking, bilinear when
   * enlarging), at least 1 px on each side; its scale is the source's times {@code factor}.
   */
  public GreyImage resized(GreyImage g, double factor) {
    int w = Math.max(1, (int) Math.round(g.width() * factor));
    int h = Math.max(1, (int) Math.round(g.height() * factor));
    try (var owner = new MatOwner()) {
      Mat src = owner.add(new Mat(g.height(), g.width(), CvType.CV_32F));
      src.put(0, 0, g.shared());
      Mat out = owner.add(new Mat());
      Imgproc.resize(src, out, new Size(w, h), 0, 0, factor < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
      return GreyImage.wrap(w, h, Mats.floats(out), g.scale() * w / g.width());
    }
  }

  /**
   * Pixels inside a polygon.
   *
   * @param xy polygon vertices as x0, y0, x1, y1, ... in raster pixels
   */
  public BitSet polygon(int width, int height, List<double[]> xy) {
    try (var owner = new MatOwner()) {
      Mat m = owner.add(Mat.zeros(height, width, CvType.CV_8U));
      Point[] pts = xy.stream().map(p -> new Point(p[0], p[1])).toArray(Point[]::new);
      MatOfPoint poly = owner.add(new MatOfPoint(pts));
      Imgproc.fillPoly(m, List.of(poly), new Scalar(255));
      return bits(m);
    }
  }

  /** Pixels within {@code radius} of a point. */
  public BitSet disc(int width, int height, double cx, double cy, double radius) {
    try (var owner = new MatOwner()) {
      Mat m = owner.add(Mat.zeros(height, width, CvType.CV_8U));
      Imgproc.circle(m, new Point(cx, cy), (int) Math.max(1, Math.round(radius)), new Scalar(255), -1);
      return bits(m);
    }
  }

  /** Grows a pixel set by {@code radius} pixels (a square structuring element). */
  public BitSet dilate(int width, int height, BitSet set, int radius) {
    try (var owner = new MatOwner()) {
      Mat m = owner.add(toMat(width, height, set));
      Mat out = owner.add(new Mat());
      Mat kernel = owner.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2 * radius + 1, 2 * radius + 1)));
      Imgproc.dilate(m, out, kernel);
      return bits(out);
    }
  }

  private static Mat toMat(int width, int height, BitSet set) {
    byte[] b = new byte[width * height];
    long[] words = set.toLongArray(); // a word at a time: most of a region's words are all set or all clear
    for (int w = 0; w < words.length; w++) {
      long word = words[w];
      int base = w << 6;
      if (word == -1L && base + 64 <= b.length) {
        java.util.Arrays.fill(b, base, base + 64, (byte) 255);
        continue;
      }
      while (word != 0) {
        int i = base + Long.numberOfTrailingZeros(word);
        if (i < b.length) {
          b[i] = (byte) 255;
        }
        word &= word - 1;
      }
    }
    Mat m = new Mat(height, width, CvType.CV_8U);
    m.put(0, 0, b);
    return m;
  }

  private static BitSet bits(Mat m) {
    byte[] b = new byte[(int) m.total()];
    m.get(0, 0, b);
    long[] words = new long[(b.length + 63) >>> 6];
    for (int i = 0; i < b.length; i++) {
      if (b[i] != 0) {
        words[i >>> 6] |= 1L << i;
      }
    }
    return BitSet.valueOf(words);
  }
}
