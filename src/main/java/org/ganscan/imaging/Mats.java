package org.ganscan.imaging;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Conversions between {@link RgbImage} and OpenCV matrices. */
final class Mats {
  private Mats() {}

  static RgbImage toRgbImage(Mat bgr, MatOwner owner) {
    Mat rgb = owner.add(new Mat());
    Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
    byte[] data = new byte[(int) (rgb.total() * 3)];
    rgb.get(0, 0, data);
    return RgbImage.wrap(rgb.cols(), rgb.rows(), data);
  }

  /** An RGB (not BGR) matrix holding a copy of the image's bytes. */
  static Mat rgb(RgbImage image, MatOwner owner) {
    Mat m = owner.add(new Mat(image.height(), image.width(), CvType.CV_8UC3));
    m.put(0, 0, image.shared());
    return m;
  }

  /** A BGR matrix of the image, as OpenCV's writers and drawing expect. */
  static Mat bgr(RgbImage image, MatOwner owner) {
    Mat bgr = owner.add(new Mat());
    Imgproc.cvtColor(rgb(image, owner), bgr, Imgproc.COLOR_RGB2BGR);
    return bgr;
  }

  /** Reads a float matrix into a new array. */
  static float[] floats(Mat m) {
    Mat cont = m.isContinuous() ? m : m.clone();
    float[] out = new float[(int) (cont.total() * cont.channels())];
    cont.get(0, 0, out);
    if (cont != m) {
      cont.release();
    }
    return out;
  }
}
