package org.ganscan.score;

import java.util.Arrays;
import java.util.List;

/** Per-feature means and sample standard deviations over the finite values of a fit's samples. */
final class Standardiser {
  private Standardiser() {}

  /** Fills {@code means} and {@code scales} (1 where a feature is constant or has under two values). */
  static void fill(List<Sample> samples, double[] means, double[] scales) {
    for (int i = 0; i < means.length; i++) {
      int k = i;
      double[] col = samples.stream().mapToDouble(s -> s.feature(k)).filter(Double::isFinite).toArray();
      means[i] = col.length == 0 ? 0 : Arrays.stream(col).average().orElse(0);
      double m = means[i];
      double var = col.length < 2 ? 1 : Arrays.stream(col).map(v -> (v - m) * (v - m)).sum() / (col.length - 1);
      scales[i] = var > 1e-12 ? Math.sqrt(var) : 1;
    }
  }
}
