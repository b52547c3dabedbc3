package org.ganscan.trait;

import java.util.Arrays;
import java.util.BitSet;
import org.ganscan.imaging.GreyImage;

/**
 * Co-occurrence statistics of high-pass residuals inside a region, the steganalysis "rich model"
 * family (Fridrich and Kodovsky, "Rich models for steganalysis of digital images", IEEE TIFS
 * 2012; Nataraj et al., "Detecting GAN generated fake images using co-occurrence matrices", 2019,
 * used pixel co-occurrences for GAN images). The residual is the first difference between
 * neighbours, quantised by {@link #STEP} grey levels and clipped to +/-{@link #CLIP}; the
 * descriptor is the joint histogram of two consecutive residuals along rows and along columns
 * (summed, {@code (2 CLIP + 1)^2} bins, normalised), plus log(1 + mean |residual|).
 */
public final class ResidualCooccurrence {
  static final int STEP = 2;
  static final int CLIP = 2;
  static final int BINS = (2 * CLIP + 1) * (2 * CLIP + 1);
  /** Values per region: the histogram and the energy. */
  public static final int SIZE = BINS + 1;
  /** Fewer residual pairs than this: not enough texture to describe (the values are NaN). */
  static final int MIN_PAIRS = 20;

  private ResidualCooccurrence() {}

  /** The descriptor of the region's pixels on {@code g}; all NaN when the region is too small. */
  public static double[] of(GreyImage g, BitSet region) {
    double[] out = new double[SIZE];
    int w = g.width();
    int h = g.height();
    long pairs = 0;
    double energy = 0;
    long[] words = region.toLongArray(); // set bits a word at a time, in ascending order as nextSetBit gives them
    for (int wi = 0; wi < words.length; wi++) {
      for (long word = words[wi]; word != 0; word &= word - 1) {
        int i = (wi << 6) + Long.numberOfTrailingZeros(word);
        int x = i % w;
        int y = i / w;
        if (x + 2 < w && has(words, i + 1) && has(words, i + 2)) {
          pairs += add(out, g.at(i + 1) - g.at(i), g.at(i + 2) - g.at(i + 1));
          energy += Math.abs(g.at(i + 1) - g.at(i));
        }
        if (y + 2 < h && has(words, i + w) && has(words, i + 2 * w)) {
          pairs += add(out, g.at(i + w) - g.at(i), g.at(i + 2 * w) - g.at(i + w));
          energy += Math.abs(g.at(i + w) - g.at(i));
        }
      }
    }
    if (pairs < MIN_PAIRS) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    for (int b = 0; b < BINS; b++) {
      out[b] /= pairs;
    }
    out[BINS] = Math.log1p(energy / pairs);
    return out;
  }

  private static boolean has(long[] words, int i) {
    int word = i >>> 6;
    return word < words.length && (words[word] & (1L << i)) != 0;
  }

  private static int add(double[] hist, double d1, double d2) {
    hist[(quantise(d1) + CLIP) * (2 * CLIP + 1) + quantise(d2) + CLIP]++;
    return 1;
  }

  static int quantise(double d) {
    return (int) Math.max(-CLIP, Math.min(CLIP, Math.round(d / STEP)));
  }
}
