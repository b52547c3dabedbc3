package org.ganscan.face;

import java.util.Objects;

/**
 * A detected face with its dense landmarks and Face Mesh's face-presence logit (the network's raw
 * output, kept unsquashed: near certainty the probability rounds to 1 and loses the difference
 * between a sure face and a very sure one).
 */
public record Face(Detection detection, Landmarks landmarks, double presenceLogit) {
  public Face {
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(landmarks, "landmarks");
    if (!Double.isFinite(presenceLogit)) {
      throw new IllegalArgumentException("presence logit must be finite: " + presenceLogit);
    }
  }

  /** Face Mesh's probability that the crop holds a face. */
  public double presence() {
    return 1 / (1 + Math.exp(-presenceLogit));
  }
}
