package org.ganscan.trait;

import java.util.Arrays;
import java.util.BitSet;
import org.ganscan.imaging.GreyImage;

/** Plain-Java statistics over grey images and region pixel sets. */
final class Pixels {
  private Pixels() {}

  /** Gradient (central differences) at an interior pixel: {gx, gy}. */
  static double[] gradient(GreyImage g, int x, int y) {
    int xl = Math.max(0, x - 1);
    int xr = Math.min(g.width() - 1, x + 1);
    int yu = Math.max(0, y - 1);
    int yd = Math.min(g.height() - 1, y + 1);
    return new double[] {(g.at(xr, y) - g.at(xl, y)) / 2.0, (g.at(x, yd) - g.at(x, yu)) / 2.0};
  }

  static double gradientMagnitude(GreyImage g, int x, int y) {
    int xl = Math.max(0, x - 1);
    int xr = Math.min(g.width() - 1, x + 1);
    int yu = Math.max(0, y - 1);
    int yd = Math.min(g.height() - 1, y + 1);
    double dx = (g.at(xr, y) - g.at(xl, y)) / 2.0;
    double dy = (g.at(x, yd) - g.at(x, yu)) / 2.0;
    // Halves of integers: the sum of squares is exact and sqrt rounds it correctly, as hypot
    // would, without StrictMath (Math.hypot is not an intrinsic in JDK 17).
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Gradient magnitudes of the region's pixels. */
  static double[] gradientMagnitudes(GreyImage g, BitSet region) {
    double[] out = new double[region.cardinality()];
    int k = 0;
    long[] words = region.toLongArray(); // set bits a word at a time, in ascending order as nextSetBit gives them
    for (int wi = 0; wi < words.length; wi++) {
      for (long word = words[wi]; word != 0; word &= word - 1) {
        int i = (wi << 6) + Long.numberOfTrailingZeros(word);
        out[k++] = gradientMagnitude(g, i % g.width(), i / g.width());
      }
    }
    return out;
  }

  /** Grey values of the region's pixels. */
  static double[] values(GreyImage g, BitSet region) {
    double[] out = new double[region.cardinality()];
    int k = 0;
    long[] words = region.toLongArray();
    for (int wi = 0; wi < words.length; wi++) {
      for (long word = words[wi]; word != 0; word &= word - 1) {
        out[k++] = g.at((wi << 6) + Long.numberOfTrailingZeros(word));
      }
    }
    return out;
  }

  /** The p-th percentile (0..100) by nearest rank; NaN for no values. */
  static double percentile(double[] v, double p) {
    if (v.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100 * v.length) - 1;
    // The k-th smallest by selection (Commons Math), the same value a full sort would put there.
    return new org.apache.commons.math3.util.KthSelector().select(v.clone(), null, Math.max(0, Math.min(v.length - 1, i)));
  }

  static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
  }

  /** Logistic score in (0, 1): one half at {@code midpoint}, rising with the value when {@code spread} is positive. */
  static double logistic(double value, double midpoint, double spread) {
    return 1 / (1 + Math.exp(-(value - midpoint) / spread));
  }
}
