package org.ganscan.face;

import java.util.Objects;

/** One face found by a detector: its box, confidence in [0, 1], keypoints, and which model found it. */
public record Detection(PixelBox box, double confidence, Keypoints keypoints, String model) {
  public Detection {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(keypoints, "keypoints");
    Objects.requireNonNull(model, "model");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
  }
}
