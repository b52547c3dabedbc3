package org.ganscan.trait;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.Lines;

/**
 * Background structure: StyleGAN backgrounds dissolve into warped, wobbly texture with hardly a
 * straight edge, where real photos keep door frames, walls and shelves. The value is the length
 * of straight edge segments in the background per 100 background pixels of perimeter scale
 * (length / sqrt(area) x 100).
 */
public final class BackgroundTrait implements Trait {
  public static final String NAME = "background";
  /** Below this share of the frame, there is too little background to judge. */
  static final double MIN_SHARE = 0.08;
  static final double MIDPOINT = 60;
  static final double SPREAD = -20;

  private static final List<Feature> FEATURES =
      List.of(Feature.value(NAME, -1, Feature.Transform.log10(1), "fewer straight structures")
          .countedWithin(0, 100_000)); // the dev set's backgrounds reach 13,544

  private final Lines lines = new Lines();

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
    Region bg = input.regions().get(RegionKind.BACKGROUND);
    if (bg.share() < MIN_SHARE) {
      return TraitScore.unmeasured(NAME, "straight_edge_length_per_sqrt_area",
          String.format("background: only %.0f%% of the frame is background, too little to judge", 100 * bg.share()));
    }
    double minLength = Math.max(8, 0.08 * input.regions().faceWidth());
    double length = lines.totalLength(input.frame(), bg.bits(), minLength);
    double value = 100 * length / Math.sqrt(bg.area());
    double score = Pixels.logistic(value, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    double skinTexture = Pixels.percentile(Pixels.gradientMagnitudes(input.frame(), input.regions().get(RegionKind.FACE_SKIN).bits()), 50);
    double bgTexture = Pixels.percentile(Pixels.gradientMagnitudes(input.frame(), bg.bits()), 50);
    if (skinTexture > 0) {
      detail.put("texture_ratio", bgTexture / skinTexture);
    }
    detail.put("straight_edge_px", length);
    detail.put("background_share", bg.share());
    String why = String.format(
        "background: %.0f straight-edge units (%.0f px of straight segments over %.0f%% of the frame); %s",
        value, length, 100 * bg.share(),
        score >= 0.5 ? "few straight structures, as in StyleGAN's warped backgrounds" : "straight structures as in a real scene");
    return new TraitScore(NAME, value, "straight_edge_length_per_sqrt_area", score, why, detail);
  }
}
