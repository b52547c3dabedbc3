package org.ganscan.inference;

/**
 * BlazeFace's raw outputs for one image: one score logit and one 16-value regressor row per
 * anchor, all anchors of all layers concatenated in anchor order.
 */
public record BlazeFaceOutput(float[] logits, float[] regressors) {
  public BlazeFaceOutput {
    if (regressors.length != logits.length * 16) {
      throw new IllegalArgumentException(
          "expected 16 regressor values per anchor: " + logits.length + " anchors, " + regressors.length + " values");
    }
  }

  public int anchors() {
    return logits.length;
  }
}
