package org.ganscan.score;

import java.util.List;
import org.ganscan.trait.TraitScore;

/**
 * The scorer of a measuring run (fitting a new model): every image gets not_applicable, because
 * the model that would score it is what the run is making.
 */
public final class NotScored implements Scorer {
  @Override
  public Verdict score(List<TraitScore> traits) {
    return Verdict.notApplicable("not scored: measured for fitting a model");
  }

  @Override
  public String describe() {
    return "none (measuring for a fit)";
  }
}
