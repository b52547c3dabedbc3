package org.ganscan.trait;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.StructureTensor;

/**
 * Hair: StyleGAN paints hair as smeared texture that melts into the background. Measured as the
 * orientation coherence of the hair (structure tensor over 5x5 windows, energy-weighted): real
 * strands run in one direction locally, painted hair less so; and as the contrast of the hair /
 * background edge against the face's own detail contrast.
 */
public final class HairTrait implements Trait {
  public static final String NAME = "hair";
  /** Below this many raster pixels of hair there is nothing to judge (bald, cropped, hat). */
  static final int MIN_PIXELS = 200;
  /** Between the dev set's median coherence of real hair (0.73) and of GAN hair (0.74) on originals: a weak signal alone. */
  static final double MIDPOINT = 0.70;
  static final double SPREAD = -0.05;
  /** Orientation coherence lies in [0, 1] by its definition. */
  static final Feature COHERENCE = Feature.value(NAME, -1, Feature.Transform.IDENTITY, "less coherent strands").countedWithin(0, 1);
  /**
   * Absent when the hair/background edge is too short to measure. Counted up to 6 (an edge six
   * times as contrasted as the face): the dev set's faces reach 4.5.
   */
  static final Feature EDGE_CONTRAST = Feature.detail(NAME, "edge_contrast", -1, Feature.Transform.IDENTITY,
      "hair melting into the background").mayBeAbsent().countedWithin(0, 6);
  private static final List<Feature> FEATURES = List.of(COHERENCE, EDGE_CONTRAST);
  private static final StructureTensor TENSOR = new StructureTensor();

  @Override
  public boolean needsPersonMask() {
    return true;
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
    Region hair = input.regions().get(RegionKind.HAIR);
    if (hair.area() < MIN_PIXELS) {
      return TraitScore.unmeasured(NAME, "orientation_coherence", "hair: too little visible hair to judge (" + hair.area() + " px)");
    }
    GreyImage g = input.frame();
    double coherence = coherence(g, hair.bits(), Math.max(2, (int) (0.02 * input.regions().faceWidth())));
    double faceDetail = Pixels.percentile(Pixels.gradientMagnitudes(g, input.regions().get(RegionKind.FACE_SKIN).bits()), 90);
    Region edge = input.regions().get(RegionKind.HAIR_EDGE);
    double edgeContrast = edge.area() < 20 || !(faceDetail > 0)
        ? Double.NaN
        : Pixels.mean(Pixels.gradientMagnitudes(g, edge.bits())) / faceDetail;
    double score = Pixels.logistic(coherence, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    if (Double.isFinite(edgeContrast)) {
      detail.put(EDGE_CONTRAST.detail(), edgeContrast);
    }
    detail.put("hair_px", (double) hair.area());
    String why = String.format(
        "hair: strand orientation coherence %.2f%s; %s",
        coherence,
        Double.isFinite(edgeContrast) ? String.format(", hair/background edge contrast %.2f of the face's", edgeContrast) : "",
        score >= 0.5 ? "texture looks painted rather than stranded" : "strands run coherently, as in real hair");
    return new TraitScore(NAME, coherence, "orientation_coherence", score, why, detail);
  }

  /** Orientation coherence of the region's structure tensor over a (2r+1)^2 window (see {@link StructureTensor}). */
  static double coherence(GreyImage g, BitSet region, int r) {
    return TENSOR.coherence(g, region, r);
  }
}
