package org.ganscan.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Trace grouping without every pair: the batch's mean and spread of pair correlations from sums
 * equal the pairwise figures, and the grid over principal components finds exactly the pairs at or
 * above a cut that comparing every pair finds.
 */
class TraceBandsTest {
  /** Spectra like the fingerprints' (16 radial bins of log power falling with frequency), some from shared pipelines. */
  static double[][] spectra(int n, long seed) {
    Random r = new Random(seed);
    double[][] families = new double[12][16];
    for (double[] f : families) {
      double slope = 0.1 + 0.2 * r.nextDouble();
      for (int b = 0; b < 16; b++) {
        f[b] = -slope * b + r.nextGaussian() * 0.3;
      }
    }
    double[][] out = new double[n][16];
    for (int i = 0; i < n; i++) {
      double[] f = families[r.nextInt(families.length)];
      double noise = i % 3 == 0 ? 0.02 : 0.4;
      for (int b = 0; b < 16; b++) {
        out[i][b] = 2 + f[b] + r.nextGaussian() * noise;
      }
    }
    return out;
  }

  @Test
  void momentsGiveThePairwiseMeanAndSpread() {
    double[][] s = spectra(700, 3);
    double sum = 0;
    double sq = 0;
    long pairs = 0;
    for (int a = 0; a < s.length; a++) {
      for (int b = a + 1; b < s.length; b++) {
        double r = TraceFinder.correlation(s[a], s[b]);
        sum += r;
        sq += r * r;
        pairs++;
      }
    }
    double[][] z = java.util.Arrays.stream(s).map(TraceFinder::standardised).toArray(double[][]::new);
    TraceFinder.Moments m = TraceFinder.Moments.of(z);
    assertEquals(sum / pairs, m.pairSum() / pairs, 1e-9);
    assertEquals(sq / pairs, m.pairSquares() / pairs, 1e-9);
  }

  @Test
  void gridCandidatesFindExactlyThePairsAllPairsFind() {
    for (long seed = 1; seed <= 4; seed++) {
      double[][] s = spectra(1_200, seed);
      double[][] z = java.util.Arrays.stream(s).map(TraceFinder::standardised).toArray(double[][]::new);
      TraceFinder.Moments m = TraceFinder.Moments.of(z);
      for (double cut : new double[] {0.97, 0.99, 0.999}) {
        long[] expected = TraceFinder.allPairsAtLeast(s, cut);
        long[] grid = TraceFinder.pairsAtLeast(z, s, m, cut);
        assertArrayEquals(expected, grid, "seed " + seed + " cut " + cut);
        assertTrue(cut > 0.99 || expected.length > 1_000, "many pairs pass: " + expected.length);
      }
    }
  }
}
