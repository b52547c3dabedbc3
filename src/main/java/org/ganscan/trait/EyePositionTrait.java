package org.ganscan.trait;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.EyeGeometry;
import org.ganscan.face.NormalizedPoint;

/**
 * How close the eyes sit to the FFHQ/StyleGAN template. The value is the larger of the two eyes'
 * distances to their template spot, as a fraction of the image width.
 *
 * <p>The template is the FFHQ recipe evaluated at the face's own eye-to-mouth ratio, as the
 * recipe itself does; on the dev set's aligned StyleGAN faces this halves the vertical error of a
 * fixed template (EyePositionTraitTest).
 */
public final class EyePositionTrait implements Trait {
  public static final String NAME = "eye_position";
  /** Distance (fraction of width) at which the score is one half. */
  static final double MIDPOINT = 0.03;
  /** Softness of the score's fall-off, fraction of width. */
  static final double SPREAD = 0.006;

  /** Eye-to-mouth ratios outside this range are landmark failures, not faces; they are clamped. */
  static final double MIN_RATIO = 0.7;
  static final double MAX_RATIO = 1.5;

  /**
   * The measurement's precision as a fraction of the width: the mesh-contour eye centres of the dev
   * set's aligned StyleGAN faces scatter by 0.55-0.72 % per coordinate around the template
   * (EyePositionTraitTest holds them under 1 %), so distances below about 1 % are noise and the
   * model sees them as one.
   */
  static final double PRECISION = 0.01;

  static final Feature DISTANCE = Feature.value(NAME, -1, Feature.Transform.log10(PRECISION), "eyes nearer the FFHQ template");
  /**
   * How exactly the crop follows the recipe: StyleGAN reproduces the mean crop, while real photos
   * aligned by the recipe carry their own landmark detector's errors. Only meaningful on the
   * template, so off it these do not vote.
   */
  static final Feature EYE_LINE_OFFSET = Feature.detail(NAME, "eye_line_offset", -1, Feature.Transform.log10(0.001),
      "eye line nearer the template's height").onlyWhenValueAtMost(MIDPOINT);
  static final Feature ROLL = Feature.detail(NAME, "roll_abs_deg", -1, Feature.Transform.log10(0.2),
      "eyes levelled as the FFHQ crop levels them").onlyWhenValueAtMost(MIDPOINT);
  private static final List<Feature> FEATURES = List.of(DISTANCE, EYE_LINE_OFFSET, ROLL);

  /** Detail keys of the template spots the face was measured against (fractions of width and height), for overlays. */
  public static final String TEMPLATE_RIGHT_U = "template_right_u";
  public static final String TEMPLATE_LEFT_U = "template_left_u";
  public static final String TEMPLATE_V = "template_v";

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
    int w = input.portrait().width();
    int h = input.portrait().height();
    EyeGeometry eyes = input.eyes();
    FfhqTemplate template = templateFor(eyes);
    double rightPx = eyes.right().distanceTo(template.rightEye().toPixels(w, h));
    double leftPx = eyes.left().distanceTo(template.leftEye().toPixels(w, h));
    double worstPx = Math.max(rightPx, leftPx);
    double fraction = worstPx / w;
    double score = 1 / (1 + Math.exp((fraction - MIDPOINT) / SPREAD));
    Map<String, Double> detail = new LinkedHashMap<>();
    detail.put("distance_px", worstPx);
    detail.put("distance_pct_width", 100 * fraction);
    detail.put("right_eye_distance_px", rightPx);
    detail.put("left_eye_distance_px", leftPx);
    // How exactly the crop follows the recipe: StyleGAN reproduces the mean crop, while real photos
    // aligned by the recipe carry their own landmark detector's errors (dev set: eye-line offset
    // median 0.17 % vs 0.37 % of the height, roll 0.5 vs 0.9 degrees).
    double eyeLine = (eyes.rightNorm().v() + eyes.leftNorm().v()) / 2;
    detail.put(EYE_LINE_OFFSET.detail(), Math.abs(eyeLine - template.rightEye().v()));
    detail.put(ROLL.detail(), Math.abs(eyes.rollDegrees()));
    double predictedIod = template.leftEye().u() - template.rightEye().u();
    detail.put("scale_offset", Math.abs(eyes.interocularPx() / w - predictedIod));
    detail.put(TEMPLATE_RIGHT_U, template.rightEye().u());
    detail.put(TEMPLATE_LEFT_U, template.leftEye().u());
    detail.put(TEMPLATE_V, template.rightEye().v());
    return new TraitScore(NAME, fraction, "fraction_of_width", score, why(template, fraction, worstPx), detail);
  }

  /** The recipe's eye spots for this face. */
  public static FfhqTemplate templateFor(EyeGeometry eyes) {
    return new FfhqTemplate(Math.max(MIN_RATIO, Math.min(MAX_RATIO, eyes.eyeToMouthRatio())));
  }

  private static String why(FfhqTemplate template, double fraction, double px) {
    NormalizedPoint r = template.rightEye();
    NormalizedPoint l = template.leftEye();
    String where = String.format(
        "eye centres lie within %.1f%% of the image width (%.0f px) of the FFHQ/StyleGAN template (%.3f, %.3f)/(%.3f, %.3f)",
        100 * fraction, px, r.u(), r.v(), l.u(), l.v());
    if (fraction <= 0.02) {
      return where + ": the fixed crop StyleGAN learned from FFHQ, also seen in real photos aligned the same way";
    }
    if (fraction <= MIDPOINT + 2 * SPREAD) {
      return where + ": close to the StyleGAN crop, but not on it";
    }
    return where + ": not the StyleGAN crop (re-cropped, or framed by a person)";
  }
}
