package org.ganscan.score;

import java.util.Objects;

/**
 * One labelled feature vector for fitting.
 *
 * @param features raw feature values in the fit's feature order; NaN where missing
 */
public record Sample(String id, double[] features, boolean synthetic) {
  public Sample {
    Objects.requireNonNull(id, "id");
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }

  /** Feature i, without copying the vector. */
  public double feature(int i) {
    return features[i];
  }

  public int size() {
    return features.length;
  }
}
