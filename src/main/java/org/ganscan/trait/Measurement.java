package org.ganscan.trait;

import java.util.Map;
import java.util.Objects;

/**
 * A trait's measurement with the pixels it counted, keyed by what they are, so the evidence
 * picture draws exactly what the trait measured instead of working it out again.
 */
public record Measurement(TraitScore score, Map<String, ImageMask> marks) {
  public Measurement {
    Objects.requireNonNull(score, "score");
    marks = Map.copyOf(marks);
  }

  public static Measurement of(TraitScore score) {
    return new Measurement(score, Map.of());
  }
}
