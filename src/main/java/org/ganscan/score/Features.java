package org.ganscan.score;

import java.util.List;
import org.ganscan.trait.TraitScore;

/**
 * The model's inputs, named {@code trait} (the trait's value) or {@code trait.detail}. Only
 * measurements of image content are features: container format, JPEG quality, file size, metadata
 * and resolution never are.
 */
public final class Features {
  /** The features the fitted model uses, in order. */
  public static final List<String> NAMES = List.of(
      "eye_position", "background", "hair", "hair.edge_contrast", "ears", "eyes", "frequency", "frequency.high_to_mid_power");

  private Features() {}

  /** Values in {@link #NAMES} order; NaN where a trait was not measured. */
  public static double[] extract(List<TraitScore> traits) {
    return extract(traits, NAMES);
  }

  /** Values of the named features, in order; NaN where a trait was not measured. */
  public static double[] extract(List<TraitScore> traits, List<String> names) {
    double[] out = new double[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(traits, names.get(i));
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

  /** Eye distances and straight-edge lengths span orders of magnitude: the model sees their logarithms. */
  private static double transform(String name, double v) {
    return switch (name) {
      case "eye_position" -> Math.log10(v + 0.002);
      case "background" -> Math.log10(v + 1);
      default -> v;
    };
  }
}
