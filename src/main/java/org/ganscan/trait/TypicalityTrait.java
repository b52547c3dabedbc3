package org.ganscan.trait;

import java.util.List;
import java.util.Map;

/**
 * Typicality: how sure Face Mesh is that it is looking at a face, as its raw face-presence logit.
 * StyleGAN faces are usually drawn with the truncation trick, which pulls every latent towards the
 * average face and "improves average image quality, at the cost of variation" (Karras, Laine and
 * Aila, "A Style-Based Generator Architecture for Generative Adversarial Networks", CVPR 2019,
 * section 3.1 and appendix B). The result is an evenly lit, unoccluded, mildly smiling face that the
 * landmark model finds very easy, while real photos more often carry squints, hands, hair, hard
 * shadows or odd angles. On the dev set's avatar copies the median logit is 26.7 for GAN faces and
 * 23.7 for real ones, and it does not follow skin sharpness (correlation within a class |r| < 0.3),
 * so it is not a stand-in for image quality. A typical real face (a clean studio portrait) scores
 * as high as a GAN one: this trait can only add to other evidence.
 */
public final class TypicalityTrait implements Trait {
  public static final String NAME = "typicality";
  /** Logit at which the score is 0.5, and the slope. */
  static final double MIDPOINT = 25;
  private static final List<Feature> FEATURES =
      List.of(Feature.value(NAME, 1, Feature.Transform.IDENTITY, "a more average, easier face"));
  static final double SPREAD = 2;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Feature> features() {
    return FEATURES;
  }

  @Override
  public TraitScore measure(TraitInput input) {
    double logit = input.face().presenceLogit();
    double score = Pixels.logistic(logit, MIDPOINT, SPREAD);
    String why = String.format(
        "typicality: the landmark model's face-presence logit is %.1f; %s",
        logit,
        score >= 0.5
            ? "an unusually easy, average-looking face, as StyleGAN's truncated sampling draws"
            : "a less typical face (expression, pose, occlusion or lighting), as real photos often are");
    return new TraitScore(NAME, logit, "face_presence_logit", score, why, Map.of());
  }
}
