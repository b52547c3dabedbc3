package org.ganscan.face;

import java.util.Objects;

/** A detected face with its dense landmarks and Face Mesh's face-presence probability. */
public record Face(Detection detection, Landmarks landmarks, double presence) {
  public Face {
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(landmarks, "landmarks");
    if (!(presence >= 0 && presence <= 1)) {
      throw new IllegalArgumentException("presence must be in [0, 1]: " + presence);
    }
  }
}
