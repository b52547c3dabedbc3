package org.ganscan.trait;

import java.util.Map;
import java.util.Objects;

/**
 * One trait's measurement on one face.
 *
 * @param name stable trait identifier, e.g. {@code eye_position}
 * @param value the raw measured quantity, in {@code unit}; null when it could not be measured
 * @param unit what {@code value} is measured in
 * @param score 0..1, how GAN-like the measurement is; null when the trait does not vote
 * @param why one sentence an analyst reads: the region and the measured quantity
 * @param detail further named measurements behind the value, in insertion order
 */
public record TraitScore(String name, Double value, String unit, Double score, String why, Map<String, Double> detail) {
  public TraitScore {
    detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(why, "why");
    if (score != null && !(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(name + ": score must be in [0, 1]: " + score);
    }
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + ": value must be finite: " + value);
    }
  }

  /** A trait that could not be measured on this face; it does not vote. */
  public static TraitScore unmeasured(String name, String unit, String why) {
    return new TraitScore(name, null, unit, null, why, Map.of());
  }

  public boolean measured() {
    return score != null;
  }
}
