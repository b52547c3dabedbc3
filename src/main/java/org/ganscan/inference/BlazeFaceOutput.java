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
    logits = logits.clone();
    regressors = regressors.clone();
  }

  /** The score logits (a copy). */
  @Override
  public float[] logits() {
    return logits.clone();
  }

  /** The regressor rows (a copy). */
  @Override
  public float[] regressors() {
    return regressors.clone();
  }

  public int anchors() {
    return logits.length;
  }
}
