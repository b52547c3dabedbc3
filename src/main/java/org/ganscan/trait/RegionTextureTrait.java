package org.ganscan.trait;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Raster;

/**
 * Learned texture evidence per region: residual co-occurrence descriptors
 * ({@link ResidualCooccurrence}) of every named region, taken at one face scale (the raster
 * resampled so the eyes are {@link #CANONICAL_INTEROCULAR} px apart, so framing and resolution do
 * not become the evidence), weighed by a linear probe fitted on the train set ({@link TextureProbe}).
 * The value is the probe's logit; the detail is each region's signed share of it, which the
 * sentence and the overlay show. A face whose eyes are under {@link #MIN_INTEROCULAR} px apart is
 * not measured: reducing it to the canonical scale would barely filter it, so its residuals would
 * follow another resampling than the faces the probe was fitted on (the train set's 128 px
 * sources taught a probe source looks that did not carry over to the dev set).
 */
public final class RegionTextureTrait implements Trait {
  public static final String NAME = "region_texture";
  static final double CANONICAL_INTEROCULAR = 24;
  /** The fewest pixels between the eyes a measured face has: twice the canonical scale. */
  public static final double MIN_INTEROCULAR = 2 * CANONICAL_INTEROCULAR;
  static final Feature LOGIT = Feature.value(NAME, 1, Feature.Transform.IDENTITY, "region textures the learned probe finds GAN-like");
  private static final List<RegionKind> REGIONS = List.of(RegionKind.values());

  /** Null without a probe. */
  private final TextureProbe probe;
  private final int[] dimension;
  /** Without a probe: report the descriptors (for fitting one) rather than nothing. */
  private final boolean descriptors;

  private RegionTextureTrait(TextureProbe probe, boolean descriptors) {
    this.probe = probe;
    this.dimension = probe == null ? null : indices(probe);
    this.descriptors = descriptors;
  }

  /** With the probe shipped in the jar; a build without one measures nothing and says so. */
  public static RegionTextureTrait bundled() {
    return new RegionTextureTrait(TextureProbe.bundled(), false);
  }

  public static RegionTextureTrait withProbe(TextureProbe probe) {
    return new RegionTextureTrait(java.util.Objects.requireNonNull(probe, "probe"), false);
  }

  /** Measures the descriptors only and does not vote; for fitting a probe. */
  public static RegionTextureTrait descriptorsOnly() {
    return new RegionTextureTrait(null, true);
  }

  @Override
  public boolean needsPersonMask() {
    return true;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The probe's logit, once a probe is loaded. */
  @Override
  public List<Feature> features() {
    return probe == null ? List.of() : List.of(LOGIT);
  }

  /** The descriptor's dimension names, region by region: {@code hair_07}. */
  public static List<String> descriptorNames() {
    List<String> out = new ArrayList<>();
    for (RegionKind k : REGIONS) {
      for (int d = 0; d < ResidualCooccurrence.SIZE; d++) {
        out.add(key(k) + String.format(Locale.ROOT, "_%02d", d));
      }
    }
    return out;
  }

  private static String key(RegionKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public TraitScore measure(TraitInput input) {
    if (probe == null && !descriptors) {
      return TraitScore.unmeasured(NAME, "probe_logit", "region texture: this build has no fitted probe");
    }
    double iod = input.eyes().interocularPx() * input.frame().scale();
    if (!(iod >= MIN_INTEROCULAR)) {
      return TraitScore.unmeasured(NAME, "probe_logit", String.format(Locale.ROOT,
          "region texture: not measured, the eyes are %.0f px apart (the probe reads faces with at least %.0f)", iod, MIN_INTEROCULAR));
    }
    double[] d = descriptors(input, iod);
    if (probe == null) {
      Map<String, Double> detail = new LinkedHashMap<>();
      List<String> names = descriptorNames();
      for (int i = 0; i < d.length; i++) {
        detail.put(names.get(i), d[i]);
      }
      return new TraitScore(NAME, null, "probe_logit", null, "region texture: descriptors measured, no probe to weigh them", detail);
    }
    return scored(d);
  }

  /** The descriptors of a descriptors-only measurement, in {@link #descriptorNames()} order. */
  public static double[] descriptorsFrom(TraitScore s) {
    List<String> names = descriptorNames();
    double[] out = new double[names.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = s.detail().get(names.get(i));
      out[i] = v == null ? Double.NaN : v;
    }
    return out;
  }

  /** The probe's verdict on descriptors: value the logit, detail each region's share of it. */
  public TraitScore scored(double[] descriptors) {
    Map<String, Double> parts = new LinkedHashMap<>();
    REGIONS.forEach(k -> parts.put(key(k), 0.0));
    double logit = probe.bias();
    for (int i = 0; i < descriptors.length; i++) {
      int j = dimension[i];
      if (j >= 0) {
        double c = probe.contribution(j, descriptors[i]);
        logit += c;
        parts.merge(key(REGIONS.get(i / ResidualCooccurrence.SIZE)), c, Double::sum);
      }
    }
    double score = 1 / (1 + Math.exp(-logit));
    boolean gan = score >= 0.5;
    List<Map.Entry<String, Double>> top = parts.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> gan ? -e.getValue() : e.getValue())).limit(2).toList();
    List<String> said = new ArrayList<>();
    for (Map.Entry<String, Double> e : top) {
      said.add(String.format(Locale.ROOT, "%s %+.1f", RegionKind.valueOf(e.getKey().toUpperCase(Locale.ROOT)).label(), e.getValue()));
    }
    String why = String.format(Locale.ROOT, "region texture (learned probe): %.2f, %s; strongest: %s", score,
        gan ? "residual texture as in GAN faces" : "residual texture as in camera photos", String.join(", ", said));
    return new TraitScore(NAME, logit, "probe_logit", score, why, parts);
  }

  /**
   * Descriptors of every region at the canonical face scale; NaN for a region too small to describe.
   *
   * @param iod the eye distance on the frame, at least {@link #MIN_INTEROCULAR}
   */
  static double[] descriptors(TraitInput input, double iod) {
    GreyImage frame = input.frame();
    double f = CANONICAL_INTEROCULAR / iod;
    GreyImage g = new Raster().resized(frame, f);
    double[] out = new double[REGIONS.size() * ResidualCooccurrence.SIZE];
    for (int r = 0; r < REGIONS.size(); r++) {
      Region region = input.regions().get(REGIONS.get(r));
      double[] d = ResidualCooccurrence.of(g, resample(region, g.width(), g.height()));
      System.arraycopy(d, 0, out, r * ResidualCooccurrence.SIZE, d.length);
    }
    return out;
  }

  /** The region's pixels on a raster of another size (nearest neighbour). */
  static BitSet resample(Region region, int w, int h) {
    long[] src = region.bits().toLongArray();
    long[] out = new long[(w * h + 63) >>> 6];
    double sx = region.width() / (double) w;
    double sy = region.height() / (double) h;
    int[] column = new int[w];
    for (int x = 0; x < w; x++) {
      column[x] = Math.min(region.width() - 1, (int) ((x + 0.5) * sx));
    }
    for (int y = 0; y < h; y++) {
      int rowStart = Math.min(region.height() - 1, (int) ((y + 0.5) * sy)) * region.width();
      for (int x = 0; x < w; x++) {
        int from = rowStart + column[x];
        int word = from >>> 6;
        if (word < src.length && (src[word] & (1L << from)) != 0) {
          int i = y * w + x;
          out[i >>> 6] |= 1L << i;
        }
      }
    }
    return BitSet.valueOf(out);
  }

  private static int[] indices(TextureProbe probe) {
    List<String> names = descriptorNames();
    List<String> unknown = probe.features().stream().filter(f -> !names.contains(f)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("the region texture probe " + probe.version() + " weighs descriptors this version does not measure: "
          + unknown.subList(0, Math.min(3, unknown.size())) + (unknown.size() > 3 ? " and " + (unknown.size() - 3) + " more" : ""));
    }
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = probe.features().indexOf(names.get(i));
    }
    return out;
  }
}
