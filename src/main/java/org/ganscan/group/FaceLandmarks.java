package org.ganscan.group;

import java.util.List;
import java.util.Objects;
import org.ganscan.face.NormalizedPoint;

/**
 * The main face's six landmarks as fractions of the image's width and height. Right and left are
 * the subject's.
 */
public record FaceLandmarks(
    NormalizedPoint rightEye, NormalizedPoint leftEye, NormalizedPoint nose, NormalizedPoint mouth,
    NormalizedPoint rightEar, NormalizedPoint leftEar) {
  /** The landmarks' names as the groups' evidence writes them, in {@link #points()} order. */
  public static final List<String> NAMES = List.of("right_eye", "left_eye", "nose", "mouth", "right_ear", "left_ear");

  public FaceLandmarks {
    Objects.requireNonNull(rightEye, "rightEye");
    Objects.requireNonNull(leftEye, "leftEye");
    Objects.requireNonNull(nose, "nose");
    Objects.requireNonNull(mouth, "mouth");
    Objects.requireNonNull(rightEar, "rightEar");
    Objects.requireNonNull(leftEar, "leftEar");
  }

  /** From u0, v0, u1, v1, ... in {@link #NAMES} order. */
  public static FaceLandmarks of(double[] uv) {
    if (uv.length != 12) {
      throw new IllegalArgumentException("need 6 landmarks as 12 numbers, got " + uv.length);
    }
    NormalizedPoint[] p = new NormalizedPoint[6];
    for (int k = 0; k < 6; k++) {
      p[k] = new NormalizedPoint(uv[2 * k], uv[2 * k + 1]);
    }
    return new FaceLandmarks(p[0], p[1], p[2], p[3], p[4], p[5]);
  }

  /** The six points in {@link #NAMES} order. */
  public List<NormalizedPoint> points() {
    return List.of(rightEye, leftEye, nose, mouth, rightEar, leftEar);
  }

  /** u0, v0, u1, v1, ... in {@link #NAMES} order: the coordinates clustering measures distances in. */
  double[] coordinates() {
    double[] out = new double[12];
    List<NormalizedPoint> p = points();
    for (int k = 0; k < 6; k++) {
      out[2 * k] = p.get(k).u();
      out[2 * k + 1] = p.get(k).v();
    }
    return out;
  }
}
