package org.ganscan.score;

import java.util.List;
import java.util.Optional;
import org.ganscan.trait.TraitScore;

/** Turns one face's trait scores into the image's verdict. Implementations are thread-safe. */
public interface Scorer {
  Verdict score(List<TraitScore> traits);

  /** Name and version of the scoring model, for provenance. */
  String describe();

  /** The fitted model file behind the score, when there is one. */
  default Optional<ModelIdentity> identity() {
    return Optional.empty();
  }
}
