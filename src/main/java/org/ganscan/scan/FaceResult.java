package org.ganscan.scan;

import java.util.List;
import java.util.Objects;
import org.ganscan.face.Face;
import org.ganscan.trait.EyeGeometry;
import org.ganscan.trait.TraitScore;

/** One face of a scanned image with its eye geometry and every trait's measurement. */
public record FaceResult(Face face, EyeGeometry eyes, List<TraitScore> traits) {
  public FaceResult {
    Objects.requireNonNull(face, "face");
    Objects.requireNonNull(eyes, "eyes");
    traits = List.copyOf(traits);
  }
}
