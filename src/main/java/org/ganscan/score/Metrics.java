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

  /**
   * The 2.5th and 97.5th percentiles of the ROC AUC over {@code rounds} bootstrap resamples (each
   * class drawn with replacement to its own size), seeded: how much the AUC of a set this small
   * would move on another draw of the same kind of images.
   */
  public static double[] bootstrapAuc(double[] pos, double[] neg, int rounds, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] aucs = new double[rounds];
    double[] p = new double[pos.length];
    double[] n = new double[neg.length];
    for (int k = 0; k < rounds; k++) {
      for (int i = 0; i < p.length; i++) {
        p[i] = pos[r.nextInt(pos.length)];
      }
      for (int i = 0; i < n.length; i++) {
        n[i] = neg[r.nextInt(neg.length)];
      }
      aucs[k] = auc(p, n);
    }
    Arrays.sort(aucs);
    return new double[] {aucs[(int) Math.floor(0.025 * (rounds - 1))], aucs[(int) Math.ceil(0.975 * (rounds - 1))]};
  }

  /** Share of scores at or above the threshold. */
  public static double rateAbove(double[] scores, double threshold) {
    return scores.length == 0 ? Double.NaN : Arrays.stream(scores).filter(v -> v >= threshold).count() / (double) scores.length;
  }
}
