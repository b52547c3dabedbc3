package org.ganscan.score;

import java.util.Arrays;

/** Detection metrics over scores of positive (synthetic) and negative (real) images. */
public final class Metrics {
  private Metrics() {}

  /** ROC AUC: the probability a random positive scores above a random negative (ties count half). */
  public static double auc(double[] pos, double[] neg) {
    double s = 0;
    for (double p : pos) {
      for (double n : neg) {
        s += p > n ? 1 : p == n ? 0.5 : 0;
      }
    }
    return s / ((double) pos.length * neg.length);
  }

  /**
   * The lowest threshold at which at most {@code fpr} of the negatives score at or above it: just
   * above the k-th highest negative, k = floor(fpr x negatives).
   */
  public static double thresholdAtFpr(double[] neg, double fpr) {
    double[] s = neg.clone();
    Arrays.sort(s);
    int allowed = (int) Math.floor(fpr * s.length);
    double kth = s[s.length - 1 - allowed];
    return Math.nextUp(kth);
  }

  /** Share of scores at or above the threshold. */
  public static double rateAbove(double[] scores, double threshold) {
    return scores.length == 0 ? Double.NaN : Arrays.stream(scores).filter(v -> v >= threshold).count() / (double) scores.length;
  }
}
