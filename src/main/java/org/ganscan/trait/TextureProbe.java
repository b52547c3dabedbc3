package org.ganscan.trait;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The linear probe over region texture descriptors, fitted by 'ganscan train' without a sign per
 * dimension and stored in the score model's JSON layout; its thresholds are not used.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextureProbe(
    @JsonProperty("version") String version,
    @JsonProperty("features") List<String> features,
    @JsonProperty("means") double[] means,
    @JsonProperty("scales") double[] scales,
    @JsonProperty("weights") double[] weights,
    @JsonProperty("bias") double bias,
    @JsonProperty("provenance") Map<String, Object> provenance) {
  static final String RESOURCE = "org/ganscan/trait/region-texture-probe.json";

  public TextureProbe {
    Objects.requireNonNull(version, "version");
    features = List.copyOf(features);
    means = means.clone();
    scales = scales.clone();
    weights = weights.clone();
    if (means.length != features.size() || scales.length != features.size() || weights.length != features.size()) {
      throw new IllegalArgumentException("probe arrays must match its " + features.size() + " features");
    }
    provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
  }

  /** The probe's share of the logit from dimension i (0 where the value is missing). */
  double contribution(int i, double raw) {
    return Double.isFinite(raw) ? weights[i] * (raw - means[i]) / scales[i] : 0;
  }

  /** A probe file's contents. */
  public static TextureProbe parse(byte[] json) {
    return parse(json, null);
  }

  /** A probe file's contents; {@code source} names it in an error (null: unnamed). */
  public static TextureProbe parse(byte[] json, String source) {
    try {
      Map<String, Object> m = JsonValues.object(json);
      return new TextureProbe(JsonValues.string(m, "version"), JsonValues.strings(m, "features"), JsonValues.numbers(m, "means"),
          JsonValues.numbers(m, "scales"), JsonValues.numbers(m, "weights"), JsonValues.number(m, "bias"), JsonValues.objectOrNull(m, "provenance"));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the region texture probe" + (source == null ? "" : " " + source) + ": " + e.getMessage(), e);
    }
  }

  /** The probe shipped in the jar, or null when this build has none. */
  static TextureProbe bundled() {
    try (InputStream in = TextureProbe.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? null : parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
