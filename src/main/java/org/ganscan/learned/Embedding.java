package org.ganscan.learned;

import java.util.Objects;

/**
 * One learned model's evidence on one face.
 *
 * @param model the model's name, e.g. {@code texture-probe}
 * @param modelSha256 sha256 of the model file, for provenance
 * @param probability the model's own probability that the face is synthetic, or null when it has no head
 * @param vector the embedding (copied in and out)
 */
public record Embedding(String model, String modelSha256, Double probability, float[] vector) {
  public Embedding {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(modelSha256, "modelSha256");
    vector = Objects.requireNonNull(vector, "vector").clone();
    if (probability != null && !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(model + ": probability must be in [0, 1]: " + probability);
    }
    for (float v : vector) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(model + ": embedding values must be finite");
      }
    }
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  public int dimensions() {
    return vector.length;
  }

  /** The vector as doubles, for fitting a probe. */
  public double[] asFeatures() {
    double[] out = new double[vector.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = vector[i];
    }
    return out;
  }
}
