package org.ganscan.trait;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.PixelPoint;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Spectrum;

/**
 * Frequency: GAN up-sampling leaves periodic peaks in the spectrum of the noise residual
 * (Durall et al., CVPR 2020; Frank et al., ICML 2020), at frequencies that are multiples of n/8 on
 * both axes (periods 2, 4, 8 px). JPEG blocking also puts energy there, but spread along whole
 * lines of the spectrum (every vertical block edge adds to the line u = k n/8 at all v), where an
 * up-sampling checkerboard adds an isolated point. The value is log10 of the strongest grid point
 * over the median of its own two lines, so JPEG blocking is not mistaken for up-sampling.
 */
public final class FrequencyTrait implements Trait {
  public static final String NAME = "frequency";
  static final int MAX_PATCH = 256;
  static final int MIN_PATCH = 64;
  static final double MIDPOINT = 1.5;
  static final double SPREAD = 0.2;

  static final Feature GRID_PEAK = Feature.value(NAME, 1, Feature.Transform.IDENTITY, "stronger up-sampling peaks");
  static final Feature HIGH_TO_MID = Feature.detail(NAME, "high_to_mid_power", 1, Feature.Transform.IDENTITY, "excess high-frequency power");
  private static final List<Feature> FEATURES = List.of(GRID_PEAK, HIGH_TO_MID);

  private final Spectrum spectrum = new Spectrum();
  /** The ring of each patch size (64, 128, 256), worked out once: which spectrum cells {@link #ring} reads. */
  private final Map<Integer, Ring> rings = ringsOfEachPatchSize();

  private static Map<Integer, Ring> ringsOfEachPatchSize() {
    Map<Integer, Ring> rings = new java.util.HashMap<>();
    for (int n = MIN_PATCH; n <= MAX_PATCH; n *= 2) {
      rings.put(n, Ring.of(n));
    }
    return Map.copyOf(rings);
  }

  /**
   * The off-grid spectrum cells (neither frequency a multiple of n/8) at radius 0.25..0.5 cycles/px
   * ({@code high}) and 0.1..0.25 ({@code mid}), as indices in row order.
   */
  private record Ring(int[] high, int[] mid) {
    static Ring of(int n) {
      int grid = n / 8;
      int[] high = new int[n * n];
      int[] mid = new int[n * n];
      int highN = 0;
      int midN = 0;
      for (int v = 0; v < n; v++) {
        for (int u = 0; u < n; u++) {
          int fu = u <= n / 2 ? u : u - n;
          int fv = v <= n / 2 ? v : v - n;
          if (fu % grid == 0 || fv % grid == 0) {
            continue;
          }
          double r = Math.sqrt((double) (fu * fu + fv * fv)) / n; // exact for these integers, as Math.hypot, and intrinsic
          if (r >= 0.25 && r <= 0.5) {
            high[highN++] = v * n + u;
          } else if (r >= 0.1 && r < 0.25) {
            mid[midN++] = v * n + u;
          }
        }
      }
      return new Ring(java.util.Arrays.copyOf(high, highN), java.util.Arrays.copyOf(mid, midN));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Feature> features() {
    return FEATURES;
  }

  @Override
  public TraitScore measure(TraitInput input) {
    GreyImage g = input.frame();
    int n = Integer.highestOneBit(Math.min(MAX_PATCH, Math.min(g.width(), g.height())));
    if (n < MIN_PATCH) {
      return TraitScore.unmeasured(NAME, "log10_grid_peak_ratio", "frequency: image too small for a spectrum (" + n + " px)");
    }
    PixelPoint c = input.face().detection().box().centre();
    int x0 = clamp((int) Math.round(c.x() * g.scale()) - n / 2, g.width() - n);
    int y0 = clamp((int) Math.round(c.y() * g.scale()) - n / 2, g.height() - n);
    float[] patch = new float[n * n];
    for (int y = 0; y < n; y++) {
      g.copyRow(y0 + y, x0, n, patch, y * n);
    }
    float[] power = spectrum.residualPower(patch, n);
    double[] ring = ring(power, n);
    double value = Math.log10(gridPeak(power, n));
    double tail = ring[2];
    double score = Pixels.logistic(value, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    detail.put(HIGH_TO_MID.detail(), tail);
    detail.put("off_grid_peak_log10", Math.log10(ring[0] / Math.max(1e-9, ring[1])));
    detail.put("patch_px", (double) n);
    String why = String.format(
        "frequency: strongest up-sampling grid peak %.1fx the median of its spectrum lines in the %d px face square; %s",
        Math.pow(10, value), n, score >= 0.5 ? "periodic up-sampling traces" : "no periodic up-sampling trace");
    return new TraitScore(NAME, value, "log10_grid_peak_ratio", score, why, detail);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  /**
   * Strongest point (a n/8, b n/8), a and b in 1..4, against the median power of the lines through
   * it (excluding other grid points and frequencies below 0.1 cycles/px).
   */
  static double gridPeak(float[] power, int n) {
    int grid = n / 8;
    double best = 0;
    for (int a = 1; a <= 4; a++) {
      for (int b = 1; b <= 4; b++) {
        int u = a * grid % n;
        int v = b * grid % n;
        double point = power[v * n + u];
        double[] line = new double[2 * n];
        int size = 0;
        for (int k = 0; k < n; k++) {
          int f = k <= n / 2 ? k : k - n;
          if (f % grid != 0 && Math.abs(f) >= 0.1 * n) {
            line[size++] = power[k * n + u];
            line[size++] = power[v * n + k];
          }
        }
        double median = size == 0 ? 0 : new org.apache.commons.math3.util.KthSelector().select(java.util.Arrays.copyOf(line, size), null, size / 2);
        best = Math.max(best, point / Math.max(1e-9, median));
      }
    }
    return Math.max(best, 1e-9);
  }

  /** {max, median} of off-grid power at radius 0.25..0.5 cycles/px, and the high/mid mean power ratio. */
  private double[] ring(float[] power, int n) {
    Ring ring = rings.get(n);
    double[] h = new double[ring.high().length];
    for (int k = 0; k < h.length; k++) {
      h[k] = power[ring.high()[k]];
    }
    double mid = 0;
    for (int i : ring.mid()) {
      mid += power[i];
    }
    int midN = ring.mid().length;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : h) {
      max = Math.max(max, v);
    }
    // The mean is a compensated sum (DoubleStream's), so its order hardly matters; the median is
    // the middle order statistic by selection, the value a full sort puts there.
    double highMean = java.util.Arrays.stream(h).average().orElse(0);
    double median = new org.apache.commons.math3.util.KthSelector().select(h, null, h.length / 2);
    return new double[] {max, median, midN > 0 ? highMean / (mid / midN) : 0};
  }
}
