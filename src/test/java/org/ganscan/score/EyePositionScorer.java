package org.ganscan.score;

import java.util.List;
import org.ganscan.trait.EyePositionTrait;
import org.ganscan.trait.TraitScore;

/**
 * Scores an image from the eye-position trait alone. It flags FFHQ-style crops, real or not, so it
 * is a screening prior rather than proof; the fitted artefact model replaces it.
 */
public final class EyePositionScorer implements Scorer {
  private final Bands bands;

  public EyePositionScorer(Bands bands) {
    this.bands = bands;
  }

  public EyePositionScorer() {
    this(new Bands(0.8, 0.2));
  }

  @Override
  public Verdict score(List<TraitScore> traits) {
    return traits.stream()
        .filter(t -> t.name().equals(EyePositionTrait.NAME) && t.measured())
        .findFirst()
        .map(t -> new Verdict(t.score(), bands.label(t.score()), List.of(t.why())))
        .orElseGet(() -> Verdict.notApplicable("the eye position could not be measured"));
  }

  @Override
  public String describe() {
    return "eye-position-only (bands " + bands.authentic() + "/" + bands.synthetic() + ")";
  }
}
