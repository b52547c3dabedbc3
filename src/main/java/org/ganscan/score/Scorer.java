package org.ganscan.score;

import java.util.List;
import org.ganscan.trait.TraitScore;

/** Turns one face's trait scores into the image's verdict. Implementations are thread-safe. */
public interface Scorer {
  Verdict score(List<TraitScore> traits);

  /** Name and version of the scoring model, for provenance. */
  String describe();
}
