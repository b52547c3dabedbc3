package org.ganscan.trait;

import java.util.List;

/** One measurable GAN tell. Implementations are immutable and thread-safe and never modify their input. */
public interface Trait {
  /** Stable identifier used as the key in output records. */
  String name();

  /** Measures the trait on one face. */
  TraitScore measure(TraitInput input);

  /** Measures the trait and returns the pixels it counted, where it counts pixels (for overlays). */
  default Measurement measureWithMarks(TraitInput input) {
    return Measurement.of(measure(input));
  }

  /**
   * The features this trait offers the score, in the score's order; empty for a trait that is
   * measured and reported but not weighed.
   */
  default List<Feature> features() {
    return List.of();
  }

  /**
   * Whether the trait reads the person mask (hair, background, ears): the scan's cascade skips
   * the mask, and these traits, where the others settle the verdict.
   */
  default boolean needsPersonMask() {
    return false;
  }
}
