package org.ganscan.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted logistic model over standardised features, with its verdict thresholds and provenance.
 * Stored as JSON ({@code org/ganscan/score/model.json}); fitted by {@link Fitter}.
 *
 * @param means per-feature training means (also the value a missing feature takes: it then does not vote)
 * @param scales per-feature training standard deviations
 * @param weights per standardised feature
 * @param syntheticThreshold scores at or above: {@code synthetic}
 * @param authenticThreshold scores below: {@code authentic}
 * @param provenance how, when and on what data it was fitted
 */
public record LogisticModel(
    @JsonProperty("version") String version,
    @JsonProperty("features") List<String> features,
    @JsonProperty("means") double[] means,
    @JsonProperty("scales") double[] scales,
    @JsonProperty("weights") double[] weights,
    @JsonProperty("bias") double bias,
    @JsonProperty("synthetic_threshold") double syntheticThreshold,
    @JsonProperty("authentic_threshold") double authenticThreshold,
    @JsonProperty("provenance") Map<String, Object> provenance) {
  static final String RESOURCE = "org/ganscan/score/model.json";
  /** Writing only (fitting a model); reading goes through {@link org.ganscan.trait.JsonValues}, which starts faster. */
  private static final class Writer {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  public LogisticModel {
    Objects.requireNonNull(version, "version");
    features = List.copyOf(features);
    means = means.clone();
    scales = scales.clone();
    weights = weights.clone();
    int n = features.size();
    if (means.length != n || scales.length != n || weights.length != n) {
      throw new IllegalArgumentException("model arrays must match its " + n + " features");
    }
    new Bands(syntheticThreshold, authenticThreshold);
    provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  @Override
  public double[] means() {
    return means.clone();
  }

  @Override
  public double[] scales() {
    return scales.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The weight of standardised feature i. */
  public double weight(int i) {
    return weights[i];
  }

  /** The fit date its provenance records, or null. */
  public String fittedOn() {
    Object d = provenance.get("fitted_on");
    return d == null ? null : d.toString();
  }

  /** Standardised feature i; a missing (or non-finite) value becomes 0, the training mean. */
  double standardised(int i, double raw) {
    return Double.isFinite(raw) ? (raw - means[i]) / scales[i] : 0;
  }

  /** Probability of synthetic for raw feature values. */
  public double probability(double[] raw) {
    double z = bias;
    for (double c : contributions(raw)) {
      z += c;
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Each feature's share of the logit (weight times standardised value); 0 where it is missing. */
  public double[] contributions(double[] raw) {
    double[] out = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      out[i] = weights[i] * standardised(i, raw[i]);
    }
    return out;
  }

  /** The same model with {@code first} recorded ahead of its own provenance. */
  public LogisticModel withProvenanceFirst(Map<String, Object> first) {
    Map<String, Object> merged = new LinkedHashMap<>(first);
    merged.putAll(provenance);
    return new LogisticModel(version, features, means, scales, weights, bias, syntheticThreshold, authenticThreshold, merged);
  }

  /** The same model with other verdict thresholds. */
  public LogisticModel withThresholds(double synthetic, double authentic) {
    return new LogisticModel(version, features, means, scales, weights, bias, synthetic, authentic, provenance);
  }

  public Bands bands() {
    return new Bands(syntheticThreshold, authenticThreshold);
  }

  /** The model file shipped in the jar, as bytes. */
  static byte[] bundledBytes() {
    try (InputStream in = LogisticModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the fitted score model " + RESOURCE + " is missing from this build; fit it with 'ganscan fit'");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The model shipped in the jar. */
  public static LogisticModel bundled() {
    return parse(bundledBytes(), RESOURCE);
  }

  /** A model file's contents; {@code name} is for the message when it cannot be read. */
  public static LogisticModel parse(byte[] json, String name) {
    try {
      Map<String, Object> m = org.ganscan.trait.JsonValues.object(json);
      org.ganscan.trait.JsonValues.onlyKeys(m, List.of("version", "features", "means", "scales", "weights", "bias",
          "synthetic_threshold", "authentic_threshold", "provenance"));
      return new LogisticModel(org.ganscan.trait.JsonValues.string(m, "version"), org.ganscan.trait.JsonValues.strings(m, "features"),
          org.ganscan.trait.JsonValues.numbers(m, "means"), org.ganscan.trait.JsonValues.numbers(m, "scales"),
          org.ganscan.trait.JsonValues.numbers(m, "weights"), org.ganscan.trait.JsonValues.number(m, "bias"),
          org.ganscan.trait.JsonValues.number(m, "synthetic_threshold"), org.ganscan.trait.JsonValues.number(m, "authentic_threshold"),
          org.ganscan.trait.JsonValues.objectOrNull(m, "provenance"));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the score model " + name + ": " + e.getMessage(), e);
    }
  }

  public String toJson() {
    try {
      return Writer.JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
