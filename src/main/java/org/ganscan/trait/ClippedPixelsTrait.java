package org.ganscan.trait;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.imaging.RgbImage;

/**
 * Highlights: a camera clips whatever is brighter than its sensor can record, so real photos carry
 * pixels pinned at full brightness (specular skin, sky, lamps, white walls); StyleGAN's output
 * rarely reaches the limit. McCloskey and Albright ("Detecting GAN-generated imagery using
 * saturation cues", ICIP 2019) measured exactly this. The value is the share of the image's
 * pixels with a colour channel at 254 or 255; the fewer, the more GAN-like. It survives resizing
 * and JPEG re-compression, because a clipped area stays clipped.
 */
public final class ClippedPixelsTrait implements Trait {
  public static final String NAME = "clipped_pixels";
  static final int CLIPPED = 254;
  /** Shares are compared on a log scale: 0.01 % clipped and 1 % clipped differ as much as 1 % and 100 %. */
  static final double FLOOR = 1e-4;
  /** log10 share at which the score is 0.5 (0.1 % of the image), and the slope. */
  static final double MIDPOINT = -3.0;
  static final double SPREAD = -0.35;
  private static final List<Feature> FEATURES =
      List.of(Feature.value(NAME, -1, Feature.Transform.log10(FLOOR), "fewer clipped pixels"));

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
    return measureWithMarks(input).score();
  }

  /** The pixels counted, under the trait's name, in image pixels. */
  @Override
  public Measurement measureWithMarks(TraitInput input) {
    RgbImage image = input.portrait().image();
    BitSet clipped = clippedPixels(image);
    double share = clipped.cardinality() / (double) (image.width() * image.height());
    double score = Pixels.logistic(Math.log10(share + FLOOR), MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    detail.put("clipped_pct", 100 * share);
    String why = String.format(
        "clipped pixels: %.3f%% of the whole image's pixels are clipped at full brightness; %s",
        100 * share,
        score >= 0.5 ? "almost none, as in StyleGAN output (cameras clip highlights)" : "as a camera clips bright light");
    return new Measurement(new TraitScore(NAME, share, "clipped_share_of_pixels", score, why, detail),
        Map.of(NAME, new ImageMask(image.width(), image.height(), clipped)));
  }

  /** The clipped pixels, row by row at the image's own resolution. */
  static BitSet clippedPixels(RgbImage image) {
    int pixels = image.width() * image.height();
    BitSet clipped = new BitSet(pixels);
    for (int px = 0; px < pixels; px++) {
      if (image.channel(px, 0) >= CLIPPED || image.channel(px, 1) >= CLIPPED || image.channel(px, 2) >= CLIPPED) {
        clipped.set(px);
      }
    }
    return clipped;
  }
}
