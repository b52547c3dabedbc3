package org.ganscan.imaging;

import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The analyst's stacking figure: mean images with landmark markers and a caption strip. Stateless. */
public final class Composite {
  /** Colour-blind-safe marker colours (Okabe-Ito), BGR: sky blue, orange, bluish green. */
  private static final Scalar[] MARKERS = {new Scalar(233, 180, 86), new Scalar(0, 159, 230), new Scalar(115, 158, 0)};

  public Composite() {
    OpenCv.load();
  }

  /**
   * Mean of the images resized to side x side, side by side with the control mean, markers at the
   * normalised points on the left panel, and a caption strip below.
   *
   * @param marks normalised (u, v) pairs to mark on the group's panel
   */
  public byte[] figure(List<RgbImage> group, List<RgbImage> control, double[] marks, int side, List<String> caption) {
    try (var owner = new MatOwner()) {
      Mat left = mean(group, side, owner);
      Mat right = control.isEmpty() ? owner.add(Mat.zeros(side, side, CvType.CV_8UC3)) : mean(control, side, owner);
      for (int k = 0; k + 1 < marks.length; k += 2) {
        Point p = new Point(marks[k] * side, marks[k + 1] * side);
        Imgproc.drawMarker(left, p, MARKERS[Math.min(2, k / 4)], Imgproc.MARKER_CROSS, Math.max(8, side / 25), 2);
      }
      Mat panels = owner.add(new Mat());
      Core.hconcat(List.of(left, right), panels);
      List<String> lines = wrap(caption, panels.cols() / 7);
      int lineHeight = 16;
      Mat strip = owner.add(new Mat(lineHeight * lines.size() + 8, panels.cols(), CvType.CV_8UC3, new Scalar(255, 255, 255)));
      for (int i = 0; i < lines.size(); i++) {
        Imgproc.putText(strip, lines.get(i), new Point(6, lineHeight * (i + 1) - 2), Imgproc.FONT_HERSHEY_SIMPLEX, 0.38, new Scalar(0, 0, 0), 1, Imgproc.LINE_AA);
      }
      Mat all = owner.add(new Mat());
      Core.vconcat(List.of(panels, strip), all);
      org.opencv.core.MatOfByte buf = owner.add(new org.opencv.core.MatOfByte());
      org.opencv.imgcodecs.Imgcodecs.imencode(".png", all, buf);
      return buf.toArray();
    }
  }

  /** Breaks each caption line at spaces so it fits {@code width} characters. */
  static List<String> wrap(List<String> caption, int width) {
    List<String> out = new java.util.ArrayList<>();
    for (String line : caption) {
      StringBuilder cur = new StringBuilder();
      for (String word : line.split(" ")) {
        if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        cur.append(cur.length() > 0 ? " " : "").append(word);
      }
      out.add(cur.toString());
    }
    return out;
  }

  private static Mat mean(List<RgbImage> images, int side, MatOwner owner) {
    Mat acc = owner.add(Mat.zeros(side, side, CvType.CV_32FC3));
    for (RgbImage img : images) {
      Mat small = owner.add(new Mat());
      Imgproc.resize(Mats.bgr(img, owner), small, new Size(side, side), 0, 0, Imgproc.INTER_AREA);
      Mat f = owner.add(new Mat());
      small.convertTo(f, CvType.CV_32FC3);
      Core.add(acc, f, acc);
    }
    Mat out = owner.add(new Mat());
    acc.convertTo(out, CvType.CV_8UC3, 1.0 / Math.max(1, images.size()));
    return out;
  }
}
