package org.ganscan.records;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ganscan.face.Detection;
import org.ganscan.face.EyeGeometry;
import org.ganscan.scan.FaceResult;
import org.ganscan.trait.TraitScore;

/**
 * One face as the scan record holds it: the detection (box and keypoints in image pixels), the
 * landmark model's presence, the eye geometry, every trait and the learned models' summaries.
 */
public record FaceRecord(Detection detection, double presence, EyeGeometry eyes, List<TraitScore> traits, List<LearnedSummary> learned) {
  public FaceRecord {
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(eyes, "eyes");
    traits = List.copyOf(traits);
    learned = List.copyOf(learned);
  }

  static FaceRecord of(FaceResult f) {
    return new FaceRecord(f.face().detection(), f.face().presence(), f.eyes(), f.traits(),
        f.learned().stream().map(LearnedSummary::of).toList());
  }

  /** The named trait's measurement, if the record has it. */
  public Optional<TraitScore> trait(String name) {
    return traits.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
