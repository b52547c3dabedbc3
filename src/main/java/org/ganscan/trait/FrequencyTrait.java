package org.ganscan.trait;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganscan.face.PixelPoint;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Spectrum;

/**
 * Frequency: GAN up-sampling leaves periodic peaks and a distorted high-frequency tail in the
 * spectrum of the noise residual (Durall et al., CVPR 2020; Frank et al., ICML 2020). Measured on
 * a square around the face: the strongest high-frequency peak over the median of its ring, with
 * every frequency on the 8-pixel JPEG block grid (multiples of n/8 on either axis) left out, so
 * JPEG blocking is not mistaken for up-sampling. The value is log10 of that peak ratio.
 */
public final class FrequencyTrait implements Trait {
  public static final String NAME = "frequency";
  static final int MAX_PATCH = 256;
  static final int MIN_PATCH = 64;
  static final double MIDPOINT = 1.3;
  static final double SPREAD = 0.15;

  private final Spectrum spectrum = new Spectrum();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TraitScore measure(TraitInput input) {
    GreyImage g = input.frame();
    int n = Integer.highestOneBit(Math.min(MAX_PATCH, Math.min(g.width(), g.height())));
    if (n < MIN_PATCH) {
      return TraitScore.unmeasured(NAME, "log10_peak_ratio", "frequency: image too small for a spectrum (" + n + " px)");
    }
    PixelPoint c = input.face().detection().box().centre();
    int x0 = clamp((int) Math.round(c.x() * g.scale()) - n / 2, g.width() - n);
    int y0 = clamp((int) Math.round(c.y() * g.scale()) - n / 2, g.height() - n);
    float[] patch = new float[n * n];
    for (int y = 0; y < n; y++) {
      System.arraycopy(g.values(), (y0 + y) * g.width() + x0, patch, y * n, n);
    }
    float[] power = spectrum.residualPower(patch, n);
    double[] ring = ring(power, n);
    double value = Math.log10(ring[0] / Math.max(1e-9, ring[1]));
    double tail = ring[2];
    double score = Pixels.logistic(value, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    detail.put("high_to_mid_power", tail);
    detail.put("patch_px", (double) n);
    String why = String.format(
        "frequency: strongest off-grid high-frequency peak %.1fx its ring's median in the %d px face square; %s",
        Math.pow(10, value), n, score >= 0.5 ? "periodic up-sampling traces" : "no periodic up-sampling trace");
    return new TraitScore(NAME, value, "log10_peak_ratio", score, why, detail);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  /** {max, median} of off-grid power at radius 0.25..0.5 cycles/px, and the high/mid mean power ratio. */
  private static double[] ring(float[] power, int n) {
    int grid = n / 8;
    java.util.List<Double> high = new java.util.ArrayList<>();
    double mid = 0;
    int midN = 0;
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        int fu = u <= n / 2 ? u : u - n;
        int fv = v <= n / 2 ? v : v - n;
        if (fu % grid == 0 || fv % grid == 0) {
          continue;
        }
        double r = Math.hypot(fu, fv) / n;
        double p = power[v * n + u];
        if (r >= 0.25 && r <= 0.5) {
          high.add(p);
        } else if (r >= 0.1 && r < 0.25) {
          mid += p;
          midN++;
        }
      }
    }
    double[] h = high.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double highMean = java.util.Arrays.stream(h).average().orElse(0);
    return new double[] {h[h.length - 1], h[h.length / 2], midN > 0 ? highMean / (mid / midN) : 0};
  }
}
