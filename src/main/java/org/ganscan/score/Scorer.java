package org.ganscan.score;

import java.util.List;
import java.util.Optional;
import org.ganscan.trait.TraitScore;

/** Turns one face's trait scores into the image's verdict. Implementations are thread-safe. */
public interface Scorer {
  Verdict score(List<TraitScore> traits);

  /**
   * The verdict these traits get whatever the {@code pending} traits (not measured yet) would add,
   * or empty when those could still change it or this scorer cannot tell. The scan's cascade
   * skips the pending traits' stage when a verdict is settled; its score is the score without them.
   */
  default Optional<Verdict> settledWithout(List<TraitScore> measured, java.util.Set<String> pending) {
    return Optional.empty();
  }

  /** Name and version of the scoring model, for provenance. */
  String describe();

  /** The fitted model file behind the score, when there is one. */
  default Optional<ModelIdentity> identity() {
    return Optional.empty();
  }
}
