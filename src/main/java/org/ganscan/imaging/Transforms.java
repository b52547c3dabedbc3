package org.ganscan.imaging;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/** Simple edits an operator applies to a reused photo; used to build test copies. Stateless. */
public final class Transforms {
  private Transforms() {}

  public static RgbImage mirror(RgbImage image) {
    OpenCv.load();
    try (var owner = new MatOwner()) {
      Mat out = owner.add(new Mat());
      Core.flip(Mats.rgb(image, owner), out, 1);
      return copy(out, image.width(), image.height());
    }
  }

  public static RgbImage grey(RgbImage image) {
    OpenCv.load();
    try (var owner = new MatOwner()) {
      Mat g = owner.add(new Mat());
      Imgproc.cvtColor(Mats.rgb(image, owner), g, Imgproc.COLOR_RGB2GRAY);
      Mat out = owner.add(new Mat());
      Imgproc.cvtColor(g, out, Imgproc.COLOR_GRAY2RGB);
      return copy(out, image.width(), image.height());
    }
  }

  /** Removes {@code share} of the width and height, split evenly between the sides. */
  public static RgbImage crop(RgbImage image, double share) {
    OpenCv.load();
    int dx = (int) Math.round(image.width() * share / 2);
    int dy = (int) Math.round(image.height() * share / 2);
    int w = image.width() - 2 * dx;
    int h = image.height() - 2 * dy;
    try (var owner = new MatOwner()) {
      Mat out = owner.add(Mats.rgb(image, owner).submat(new Rect(dx, dy, w, h)).clone());
      return copy(out, w, h);
    }
  }

  private static RgbImage copy(Mat rgb, int w, int h) {
    byte[] data = new byte[w * h * 3];
    rgb.get(0, 0, data);
    return RgbImage.wrap(w, h, data);
  }
}
