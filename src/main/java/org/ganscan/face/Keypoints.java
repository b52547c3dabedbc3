package org.ganscan.face;

import java.util.List;
import java.util.Objects;

/**
 * BlazeFace's six keypoints. Right and left are the subject's: the subject's right eye appears on
 * the image's left in an unmirrored photo.
 */
public record Keypoints(
    PixelPoint rightEye, PixelPoint leftEye, PixelPoint nose, PixelPoint mouth, PixelPoint rightEar, PixelPoint leftEar) {
  public Keypoints {
    Objects.requireNonNull(rightEye);
    Objects.requireNonNull(leftEye);
    Objects.requireNonNull(nose);
    Objects.requireNonNull(mouth);
    Objects.requireNonNull(rightEar);
    Objects.requireNonNull(leftEar);
  }

  /** In model order: right eye, left eye, nose, mouth, right ear, left ear. */
  public List<PixelPoint> asList() {
    return List.of(rightEye, leftEye, nose, mouth, rightEar, leftEar);
  }

  public static Keypoints of(List<PixelPoint> p) {
    if (p.size() != 6) {
      throw new IllegalArgumentException("BlazeFace has 6 keypoints, got " + p.size());
    }
    return new Keypoints(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
  }
}
