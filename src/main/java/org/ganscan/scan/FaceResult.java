package org.ganscan.scan;

import java.util.List;
import java.util.Objects;
import org.ganscan.face.EyeGeometry;
import org.ganscan.face.Face;
import org.ganscan.learned.Embedding;
import org.ganscan.trait.TraitScore;

/**
 * One face of a scanned image with its eye geometry, every trait's measurement and the learned
 * models' evidence (empty when the scan runs none).
 */
public record FaceResult(Face face, EyeGeometry eyes, List<TraitScore> traits, List<Embedding> learned) {
  public FaceResult {
    Objects.requireNonNull(face, "face");
    Objects.requireNonNull(eyes, "eyes");
    traits = List.copyOf(traits);
    learned = List.copyOf(learned);
  }

  public FaceResult(Face face, EyeGeometry eyes, List<TraitScore> traits) {
    this(face, eyes, traits, List.of());
  }
}
