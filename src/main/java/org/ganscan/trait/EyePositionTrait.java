package org.ganscan.trait;

import java.util.LinkedHashMap;
import java.util.Map;
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

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TraitScore measure(TraitInput input) {
    int w = input.portrait().width();
    int h = input.portrait().height();
    EyeGeometry eyes = EyeGeometry.of(input.face(), w, h);
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
    detail.put("eye_line_offset", Math.abs(eyeLine - template.rightEye().v()));
    detail.put("roll_abs_deg", Math.abs(eyes.rollDegrees()));
    double predictedIod = template.leftEye().u() - template.rightEye().u();
    detail.put("scale_offset", Math.abs(eyes.interocularPx() / w - predictedIod));
    detail.put("template_right_u", template.rightEye().u());
    detail.put("template_left_u", template.leftEye().u());
    detail.put("template_v", template.rightEye().v());
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
