package org.ganscan.trait;

import org.ganscan.face.NormalizedPoint;

/**
 * Where the FFHQ alignment recipe puts the eyes, which StyleGAN 1/2 reproduce in every output.
 *
 * <p>The recipe (NVlabs ffhq-dataset, {@code recreate_aligned_images}) builds an oriented square
 * from the eye midpoint E, the eye-to-eye vector (length d) and the eye-to-mouth vector (length m):
 * the centre is E + 0.1 (mouth - E) and the half-side is max(2 d, 1.8 m). For an upright face the
 * eyes therefore sit at x = 0.5 -/+ d / (2 s) and y = 0.5 - 0.1 m / s of the crop, where
 * s = 2 max(2 d, 1.8 m). With m / d below 10/9 that is x = 0.375 and 0.625 exactly and
 * y = 0.5 - 0.025 m / d.
 *
 * @param mouthRatio the m / d ratio the template is evaluated at
 */
public record FfhqTemplate(double mouthRatio) {
  /**
   * The m / d ratio the canonical template uses: the mean eye-to-mouth ratio Face Mesh measures on
   * the dev set's 78 FFHQ-aligned StyleGAN images (1.024, SD 0.086). It puts the eyes at
   * (0.375, 0.474) and (0.625, 0.474); those images' eyes measure (0.374, 0.473) and (0.623, 0.474).
   */
  public static final double TYPICAL_MOUTH_RATIO = 1.024;

  public FfhqTemplate {
    if (!(mouthRatio > 0)) {
      throw new IllegalArgumentException("mouth ratio must be positive: " + mouthRatio);
    }
  }

  public static FfhqTemplate canonical() {
    return new FfhqTemplate(TYPICAL_MOUTH_RATIO);
  }

  private double side() {
    return 2 * Math.max(2.0, 1.8 * mouthRatio);
  }

  /** Template centre of the subject's right eye (image left). */
  public NormalizedPoint rightEye() {
    return new NormalizedPoint(0.5 - 1 / (2 * side()), eyeLine());
  }

  /** Template centre of the subject's left eye (image right). */
  public NormalizedPoint leftEye() {
    return new NormalizedPoint(0.5 + 1 / (2 * side()), eyeLine());
  }

  private double eyeLine() {
    return 0.5 - 0.1 * mouthRatio / side();
  }
}
