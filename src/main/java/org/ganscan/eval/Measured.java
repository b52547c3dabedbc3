package org.ganscan.eval;

import java.util.List;
import org.ganscan.trait.TraitScore;

/**
 * A labelled item after scanning one variant of it.
 *
 * @param features model features of the main face, or null when no face was found
 * @param traits the main face's trait measurements (empty without a face)
 */
public record Measured(LabelledItem item, double[] features, List<TraitScore> traits) {
  public Measured {
    traits = List.copyOf(traits);
    features = features == null ? null : features.clone();
  }

  /** The features (a copy), or null without a face. */
  @Override
  public double[] features() {
    return features == null ? null : features.clone();
  }

  public boolean hasFace() {
    return features != null;
  }
}
