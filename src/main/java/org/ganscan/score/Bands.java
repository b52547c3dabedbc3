package org.ganscan.score;

/**
 * Score thresholds for the verdict bands.
 *
 * @param synthetic scores at or above this are {@code synthetic}
 * @param authentic scores below this are {@code authentic}; between the two, {@code inconclusive}
 */
public record Bands(double synthetic, double authentic) {
  public Bands {
    if (!(authentic >= 0 && authentic <= synthetic && synthetic <= 1)) {
      throw new IllegalArgumentException("need 0 <= authentic <= synthetic <= 1: " + authentic + ", " + synthetic);
    }
  }

  public Verdict.Label label(double score) {
    if (score >= synthetic) {
      return Verdict.Label.SYNTHETIC;
    }
    return score < authentic ? Verdict.Label.AUTHENTIC : Verdict.Label.INCONCLUSIVE;
  }
}
