package org.ganscan.score;

import java.util.List;
import java.util.Map;
import org.ganscan.trait.TraitScore;

/**
 * The model's inputs, named {@code trait} (the trait's value) or {@code trait.detail}. Only
 * measurements of image content are features: container format, JPEG quality, file size, metadata
 * and resolution never are.
 */
public final class Features {
  /**
   * The features the fitted model may use, in order. The {@code iris} trait is not one: it is
   * measured on too few dev faces (19 of 85 GAN originals, 20 avatar copies) and there points
   * against Guo et al.'s tell (AUC 0.38-0.42); offered to the fitter, cross-validation took the avatar
   * TPR at 5 % FPR from 0.69 to 0.42.
   */
  public static final List<String> NAMES = List.of(
      "eye_position", "eye_position.eye_line_offset", "eye_position.roll_abs_deg", "background", "hair", "hair.edge_contrast",
      "ears", "eyes", "frequency", "frequency.high_to_mid_power", "highlights", "typicality");

  /**
   * Which way each feature points, as its trait defines it: +1 where a larger value is more GAN-like,
   * -1 where a smaller one is. The fitter keeps every weight on its trait's side, so an artefact can
   * only raise suspicion and every reason reads the way the trait's own sentence does.
   */
  public static final Map<String, Integer> DIRECTIONS = Map.ofEntries(
      Map.entry("eye_position", -1), // eyes nearer the FFHQ template
      Map.entry("eye_position.eye_line_offset", -1), // eye line nearer the template's height
      Map.entry("eye_position.roll_abs_deg", -1), // eyes levelled as the FFHQ crop levels them
      Map.entry("background", -1), // fewer straight structures
      Map.entry("hair", -1), // less coherent strands
      Map.entry("hair.edge_contrast", -1), // hair melting into the background
      Map.entry("ears", 1), // ears that differ more
      Map.entry("eyes", 1), // corneal highlights that disagree more
      Map.entry("frequency", 1), // stronger up-sampling peaks
      Map.entry("frequency.high_to_mid_power", 1), // excess high-frequency power
      Map.entry("highlights", -1), // fewer clipped pixels
      Map.entry("typicality", 1)); // a more average, easier face

  private Features() {}

  /** Values in {@link #NAMES} order; NaN where a trait was not measured. */
  public static double[] extract(List<TraitScore> traits) {
    return extract(traits, NAMES);
  }

  /**
   * The eye-position measurement's precision as a fraction of the width: the mesh-contour eye
   * centres of the dev set's aligned StyleGAN faces scatter by 0.55-0.72 % per coordinate around
   * the template (EyePositionTraitTest holds them under 1 %), so distances below about 1 % are
   * noise and the model sees them as one.
   */
  static final double EYE_PRECISION = 0.01;

  /** Eye distance (fraction of width) beyond which the face is not on the template. */
  static final double ON_TEMPLATE = 0.03;

  /**
   * Values of the named features, in order; NaN where a trait was not measured. The crop-precision
   * features (eye-line offset, roll) only mean something on the template, so off it they are
   * missing and do not vote.
   */
  public static double[] extract(List<TraitScore> traits, List<String> names) {
    double eyes = traits.stream().filter(t -> t.name().equals("eye_position") && t.value() != null)
        .mapToDouble(TraitScore::value).findFirst().orElse(Double.NaN);
    boolean onTemplate = eyes <= ON_TEMPLATE;
    double[] out = new double[names.size()];
    for (int i = 0; i < out.length; i++) {
      String name = names.get(i);
      out[i] = name.startsWith("eye_position.") && !onTemplate ? Double.NaN : value(traits, name);
    }
    return out;
  }

  private static double value(List<TraitScore> traits, String name) {
    int dot = name.indexOf('.');
    String trait = dot < 0 ? name : name.substring(0, dot);
    for (TraitScore t : traits) {
      if (t.name().equals(trait) && t.value() != null) {
        Double v = dot < 0 ? t.value() : t.detail().get(name.substring(dot + 1));
        return v == null ? Double.NaN : transform(name, v);
      }
    }
    return Double.NaN;
  }

  /** Eye distances, straight-edge lengths and clipped shares span orders of magnitude: the model sees their logarithms. */
  private static double transform(String name, double v) {
    return switch (name) {
      case "eye_position" -> Math.log10(v + EYE_PRECISION);
      case "eye_position.eye_line_offset" -> Math.log10(v + 0.001);
      case "eye_position.roll_abs_deg" -> Math.log10(v + 0.2);
      case "background" -> Math.log10(v + 1);
      case "highlights" -> Math.log10(v + 1e-4);
      default -> v;
    };
  }
}
