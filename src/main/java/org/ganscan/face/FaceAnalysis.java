package org.ganscan.face;

import java.util.List;
import java.util.Optional;

/** Everything the face stage found in one image: its faces (largest first) and the person mask. */
public record FaceAnalysis(List<Face> faces, Optional<PersonMask> personMask) {
  public FaceAnalysis {
    faces = List.copyOf(faces);
  }
}
