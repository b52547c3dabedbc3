package org.ganscan.score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.trait.Feature;
import org.ganscan.trait.Trait;
import org.ganscan.trait.TraitScore;

/**
 * The model's named inputs, derived from the features the traits declare ({@link Trait#features()}),
 * in trait order. Only measurements of image content are features: container format, JPEG
 * quality, file size, metadata and resolution never are. A model is checked against this space
 * when it is loaded, so a feature no trait declares stops the start instead of silently not voting.
 */
public final class FeatureSpace {
  private final Map<String, Feature> byKey;

  private FeatureSpace(Map<String, Feature> byKey) {
    this.byKey = byKey;
  }

  /** The features the traits declare, in their order. */
  public static FeatureSpace of(List<Trait> traits) {
    Map<String, Feature> out = new LinkedHashMap<>();
    for (Trait t : traits) {
      for (Feature f : t.features()) {
        if (!f.trait().equals(t.name())) {
          throw new IllegalStateException("trait " + t.name() + " declares a feature of another trait: " + f.key());
        }
        if (out.put(f.key(), f) != null) {
          throw new IllegalStateException("feature declared twice: " + f.key());
        }
      }
    }
    return new FeatureSpace(out);
  }

  /** Every declared feature's key, in order. */
  public List<String> names() {
    return List.copyOf(byKey.keySet());
  }

  /** The declaration behind a key. */
  public Feature feature(String key) {
    Feature f = byKey.get(key);
    if (f == null) {
      throw new IllegalArgumentException("no trait declares the feature " + key + "; declared: " + names());
    }
    return f;
  }

  /** Which way the feature points: +1 where a larger value is more GAN-like. */
  public int direction(String key) {
    return feature(key).direction();
  }

  /**
   * Checks that every named feature is declared.
   *
   * @param what names the source in the message, e.g. the model file
   * @throws FeatureMismatchException naming the features no trait declares
   */
  public void requireDeclared(Collection<String> keys, String what) {
    List<String> missing = keys.stream().filter(k -> !byKey.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new FeatureMismatchException(what + " uses feature(s) no trait of this scan declares: " + String.join(", ", missing)
          + " (declared: " + String.join(", ", names()) + ")");
    }
  }

  /** Values of every declared feature, in {@link #names()} order. */
  public double[] extract(List<TraitScore> traits) {
    return extract(traits, names());
  }

  /** Values of the named features, in order; NaN where a trait was not measured or a gate is shut. */
  public double[] extract(List<TraitScore> traits, List<String> keys) {
    double[] out = new double[keys.size()];
    for (int i = 0; i < out.length; i++) {
      Feature f = feature(keys.get(i));
      out[i] = Double.NaN;
      for (TraitScore t : traits) {
        if (t.name().equals(f.trait())) {
          out[i] = f.extract(t);
          break;
        }
      }
    }
    return out;
  }

  /** A model and the traits of a scan disagree on the feature space. */
  public static final class FeatureMismatchException extends IllegalStateException {
    FeatureMismatchException(String message) {
      super(message);
    }
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    byKey.values().forEach(f -> parts.add(f.key() + (f.direction() > 0 ? " (+)" : " (-)")));
    return String.join(", ", parts);
  }
}
