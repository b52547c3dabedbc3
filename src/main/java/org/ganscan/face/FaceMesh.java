package org.ganscan.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ganscan.imaging.RgbImage;
import org.ganscan.imaging.TensorSpec;
import org.ganscan.imaging.Tensors;
import org.ganscan.imaging.TfliteNet;

/**
 * MediaPipe Face Mesh: 468 landmarks from a rotated square crop around a detected face. The crop
 * is refined once from the first pass's landmarks, as MediaPipe's tracking loop does, which makes
 * the eye centres steadier. One instance per thread.
 */
final class FaceMesh implements AutoCloseable {
  private static final TensorSpec SPEC = TensorSpec.zeroToOne(192, TensorSpec.Layout.NCHW);
  private static final double ROI_SCALE = 1.5;
  private static final String POINTS = "conv2d_21";
  private static final String PRESENCE = "conv2d_31";

  private final TfliteNet net;
  private final Tensors tensors = new Tensors();

  FaceMesh(byte[] model) {
    this.net = new TfliteNet(FaceModels.FACE_MESH, model);
  }

  /** Landmarks and presence for a detection. */
  Face landmarks(RgbImage image, Detection detection) {
    Keypoints k = detection.keypoints();
    double angle = Math.atan2(k.leftEye().y() - k.rightEye().y(), k.leftEye().x() - k.rightEye().x());
    Roi roi = new Roi(detection.box().centre(), ROI_SCALE * Math.max(detection.box().w(), detection.box().h()), angle);
    Pass first = run(image, roi);
    Pass second = run(image, refine(first.points()));
    return new Face(detection, new Landmarks(second.points()), second.presenceLogit());
  }

  private Pass run(RgbImage image, Roi roi) {
    float[] input = tensors.rotatedCrop(image, roi.centre().x(), roi.centre().y(), roi.side(), roi.angle(), SPEC);
    Map<String, float[]> out = net.run(input, SPEC.shape(), POINTS, PRESENCE);
    float[] raw = out.get(POINTS);
    double k = roi.side() / SPEC.size();
    double cos = Math.cos(roi.angle());
    double sin = Math.sin(roi.angle());
    List<PixelPoint> points = new ArrayList<>(Landmarks.COUNT);
    for (int i = 0; i < Landmarks.COUNT; i++) {
      double u = (raw[3 * i] - SPEC.size() / 2.0) * k;
      double v = (raw[3 * i + 1] - SPEC.size() / 2.0) * k;
      points.add(new PixelPoint(roi.centre().x() + cos * u - sin * v, roi.centre().y() + sin * u + cos * v));
    }
    double presenceLogit = Math.max(-100, Math.min(100, out.get(PRESENCE)[0]));
    return new Pass(points, presenceLogit);
  }

  /** A crop around the landmarks, aligned with the line through the outer eye corners. */
  private static Roi refine(List<PixelPoint> pts) {
    PixelPoint r = pts.get(Landmarks.RIGHT_EYE_OUTER);
    PixelPoint l = pts.get(Landmarks.LEFT_EYE_OUTER);
    double angle = Math.atan2(l.y() - r.y(), l.x() - r.x());
    double cos = Math.cos(-angle);
    double sin = Math.sin(-angle);
    double x0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (PixelPoint p : pts) {
      double u = cos * p.x() - sin * p.y();
      double v = sin * p.x() + cos * p.y();
      x0 = Math.min(x0, u);
      x1 = Math.max(x1, u);
      y0 = Math.min(y0, v);
      y1 = Math.max(y1, v);
    }
    double cu = (x0 + x1) / 2;
    double cv = (y0 + y1) / 2;
    // Rotate the rotated-frame centre back into the image frame.
    PixelPoint centre = new PixelPoint(Math.cos(angle) * cu - Math.sin(angle) * cv, Math.sin(angle) * cu + Math.cos(angle) * cv);
    return new Roi(centre, ROI_SCALE * Math.max(x1 - x0, y1 - y0), angle);
  }

  private record Roi(PixelPoint centre, double side, double angle) {}

  private record Pass(List<PixelPoint> points, double presenceLogit) {}

  @Override
  public void close() {
    net.close();
  }
}
