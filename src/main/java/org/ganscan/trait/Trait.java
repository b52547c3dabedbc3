package org.ganscan.trait;

/** One measurable GAN tell. Implementations are immutable and thread-safe and never modify their input. */
public interface Trait {
  /** Stable identifier used as the key in output records. */
  String name();

  /** Measures the trait on one face. */
  TraitScore measure(TraitInput input);
}
