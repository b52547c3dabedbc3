package org.ganscan.imaging;

import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Decodes encoded bytes to 8-bit RGB with OpenCV. Thread-safe and stateless. */
public final class Decoder {
  public Decoder() {
    OpenCv.load();
  }

  /**
   * Decodes with EXIF orientation applied and any bit depth, grey or CMYK converted to 8-bit RGB.
   *
   * @return empty when OpenCV cannot decode the bytes
   */
  public Optional<RgbImage> decodeOriented(byte[] encoded) {
    return decode(encoded, Imgcodecs.IMREAD_COLOR);
  }

  /**
   * Decodes keeping the alpha channel, which is composited over white so transparent avatar
   * backgrounds read as a plain background. EXIF orientation is not applied.
   *
   * @return empty when OpenCV cannot decode the bytes
   */
  public Optional<RgbImage> decodeWithAlpha(byte[] encoded) {
    return decode(encoded, Imgcodecs.IMREAD_UNCHANGED);
  }

  private Optional<RgbImage> decode(byte[] encoded, int flags) {
    try (var owner = new MatOwner()) {
      MatOfByte buf = owner.add(new MatOfByte(encoded));
      Mat raw = owner.add(Imgcodecs.imdecode(buf, flags));
      if (raw.empty()) {
        return Optional.empty();
      }
      Mat bgr = toBgr8(raw, owner);
      return Optional.of(Mats.toRgbImage(bgr, owner));
    }
  }

  private static Mat toBgr8(Mat raw, MatOwner owner) {
    Mat m = raw;
    if (m.depth() != CvType.CV_8U) {
      Mat eight = owner.add(new Mat());
      double scale = m.depth() == CvType.CV_16U ? 1.0 / 257.0 : m.depth() == CvType.CV_32F ? 255.0 : 1.0;
      m.convertTo(eight, CvType.CV_8U, scale);
      m = eight;
    }
    return switch (m.channels()) {
      case 1 -> convert(m, Imgproc.COLOR_GRAY2BGR, owner);
      case 2 -> convert(firstChannel(m, owner), Imgproc.COLOR_GRAY2BGR, owner);
      case 4 -> overWhite(m, owner);
      default -> m;
    };
  }

  private static Mat firstChannel(Mat m, MatOwner owner) {
    Mat c = owner.add(new Mat());
    Core.extractChannel(m, c, 0);
    return c;
  }

  private static Mat convert(Mat m, int code, MatOwner owner) {
    Mat out = owner.add(new Mat());
    Imgproc.cvtColor(m, out, code);
    return out;
  }

  private static Mat overWhite(Mat bgra, MatOwner owner) {
    Mat bgr = convert(bgra, Imgproc.COLOR_BGRA2BGR, owner);
    Mat alpha = owner.add(new Mat());
    Core.extractChannel(bgra, alpha, 3);
    Mat alpha3 = convert(alpha, Imgproc.COLOR_GRAY2BGR, owner);
    Mat fg = owner.add(new Mat());
    Mat a = owner.add(new Mat());
    alpha3.convertTo(a, CvType.CV_32F, 1.0 / 255.0);
    bgr.convertTo(fg, CvType.CV_32F);
    Mat inv = owner.add(new Mat());
    Core.subtract(owner.add(new Mat(a.size(), a.type(), new Scalar(1, 1, 1))), a, inv);
    Core.multiply(fg, a, fg);
    Core.multiply(inv, new Scalar(255, 255, 255), inv);
    Core.add(fg, inv, fg);
    Mat out = owner.add(new Mat());
    fg.convertTo(out, CvType.CV_8U);
    return out;
  }
}
