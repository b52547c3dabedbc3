package org.ganscan.imaging;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Builds model input tensors from images: letterboxed squares and rotated crops. Stateless. */
public final class Tensors {
  public Tensors() {
    OpenCv.load();
  }

  /** Centres the image on a black square of its longest side, then resizes to the spec. */
  public Letterbox letterbox(RgbImage image, TensorSpec spec) {
    try (var owner = new MatOwner()) {
      int side = image.longestSide();
      double padX = (side - image.width()) / 2.0;
      double padY = (side - image.height()) / 2.0;
      Mat square = owner.add(new Mat(side, side, CvType.CV_8UC3, new Scalar(0, 0, 0)));
      Mat src = Mats.rgb(image, owner);
      src.copyTo(owner.add(square.submat(new Rect((int) padX, (int) padY, image.width(), image.height()))));
      Mat small = owner.add(new Mat());
      int interpolation = side > spec.size() ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
      Imgproc.resize(square, small, new Size(spec.size(), spec.size()), 0, 0, interpolation);
      double scale = spec.size() / (double) side;
      return new Letterbox(toTensor(small, spec, owner), spec, scale, (int) padX, (int) padY);
    }
  }

  /**
   * Samples a square, rotated region of the image into a model tensor.
   *
   * @param centreX region centre, image pixels (continuous: pixel i spans [i, i+1))
   * @param side region side, image pixels
   * @param angle rotation of the region's x axis against the image's, radians
   */
  public float[] rotatedCrop(RgbImage image, double centreX, double centreY, double side, double angle, TensorSpec spec) {
    try (var owner = new MatOwner()) {
      int s = spec.size();
      double k = side / s;
      double cos = Math.cos(angle) * k;
      double sin = Math.sin(angle) * k;
      // Maps crop pixel index (u, v) to image pixel index; both at pixel centres.
      double tx = centreX - 0.5 - cos * (s / 2.0 - 0.5) + sin * (s / 2.0 - 0.5);
      double ty = centreY - 0.5 - sin * (s / 2.0 - 0.5) - cos * (s / 2.0 - 0.5);
      Mat m = owner.add(new Mat(2, 3, CvType.CV_64F));
      m.put(0, 0, cos, -sin, tx, sin, cos, ty);
      Mat crop = owner.add(new Mat());
      Imgproc.warpAffine(
          Mats.rgb(image, owner), crop, m, new Size(s, s),
          Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_REPLICATE);
      return toTensor(crop, spec, owner);
    }
  }

  /**
   * Maps a square probability map computed on a letterboxed input back onto the image frame.
   *
   * @param map size x size values in [0, 1], row by row; not modified
   * @param outWidth width of the result (the image width times some scale)
   * @param outHeight height of the result
   * @return outWidth x outHeight values 0..255, row by row
   */
  public byte[] unletterbox(float[] map, Letterbox lb, int outWidth, int outHeight) {
    int s = lb.spec().size();
    try (var owner = new MatOwner()) {
      Mat m = owner.add(new Mat(s, s, CvType.CV_32F));
      m.put(0, 0, map);
      double x0 = lb.padX() * lb.scale();
      double y0 = lb.padY() * lb.scale();
      double w = (lb.imageX(1) + lb.padX()) * lb.scale() - 2 * x0;
      double h = (lb.imageY(1) + lb.padY()) * lb.scale() - 2 * y0;
      Rect roi = new Rect((int) Math.floor(x0), (int) Math.floor(y0),
          Math.max(1, Math.min(s - (int) Math.floor(x0), (int) Math.round(w))),
          Math.max(1, Math.min(s - (int) Math.floor(y0), (int) Math.round(h))));
      Mat resized = owner.add(new Mat());
      Imgproc.resize(owner.add(m.submat(roi)), resized, new Size(outWidth, outHeight), 0, 0, Imgproc.INTER_LINEAR);
      Mat bytes = owner.add(new Mat());
      resized.convertTo(bytes, CvType.CV_8U, 255.0);
      byte[] out = new byte[outWidth * outHeight];
      bytes.get(0, 0, out);
      return out;
    }
  }

  private static float[] toTensor(Mat rgb8, TensorSpec spec, MatOwner owner) {
    Mat f = owner.add(new Mat());
    rgb8.convertTo(f, CvType.CV_32FC3, spec.scale(), spec.offset());
    float[] hwc = Mats.floats(f);
    if (spec.layout() == TensorSpec.Layout.NHWC) {
      return hwc;
    }
    int plane = spec.size() * spec.size();
    float[] chw = new float[hwc.length];
    for (int i = 0; i < plane; i++) {
      chw[i] = hwc[3 * i];
      chw[plane + i] = hwc[3 * i + 1];
      chw[2 * plane + i] = hwc[3 * i + 2];
    }
    return chw;
  }
}
