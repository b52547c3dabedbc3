package org.ganscan.trait;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.RasterBox;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.GreyImage;

/**
 * Eyes: both corneas reflect the same light sources, so in a real photo the specular highlights
 * sit at the same place in each eye; GAN eyes often disagree (Hu, Li, Lyu, ICASSP 2021). The
 * value is the distance between the two highlights' positions within their eye boxes (in eye
 * widths) plus the difference of their sizes (share of the eye). Not measured when either eye
 * has no highlight or the eyes are too small.
 */
public final class CornealHighlightsTrait implements Trait {
  public static final String NAME = "corneal_highlights";
  static final int MIN_EYE_WIDTH = 8;
  /** A highlight must stand this many grey levels above the eye's median. */
  static final double MIN_HIGHLIGHT = 40;
  static final double MIDPOINT = 0.25;
  static final double SPREAD = 0.07;
  private static final List<Feature> FEATURES =
      List.of(Feature.value(NAME, 1, Feature.Transform.IDENTITY, "corneal highlights that disagree more"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Feature> features() {
    return FEATURES;
  }

  private record Highlight(double u, double v, double share) {}

  @Override
  public TraitScore measure(TraitInput input) {
    Region right = input.regions().get(RegionKind.RIGHT_EYE);
    Region left = input.regions().get(RegionKind.LEFT_EYE);
    RasterBox rb = right.bounds();
    RasterBox lb = left.bounds();
    if (rb == null || lb == null || rb.w() < MIN_EYE_WIDTH || lb.w() < MIN_EYE_WIDTH) {
      return TraitScore.unmeasured(NAME, "highlight_disagreement", "corneal highlights: the eyes are too small to see them");
    }
    Highlight hr = highlight(input.frame(), right.bits(), rb);
    Highlight hl = highlight(input.frame(), left.bits(), lb);
    if (hr == null || hl == null) {
      return TraitScore.unmeasured(NAME, "highlight_disagreement", "corneal highlights: none in " + (hr == null && hl == null ? "either eye" : "one eye"));
    }
    double position = Math.hypot(hr.u() - hl.u(), (hr.v() - hl.v()) * rb.h() / Math.max(1, rb.w()));
    double size = Math.abs(hr.share() - hl.share());
    double value = position + size;
    double score = Pixels.logistic(value, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    detail.put("position_difference", position);
    detail.put("size_difference", size);
    String why = String.format(
        "corneal highlights: %s (positions %.2f eye widths apart, sizes differ by %.0f%% of the eye)",
        score >= 0.5 ? "disagree between the eyes" : "agree between the eyes", position, 100 * size);
    return new TraitScore(NAME, value, "highlight_disagreement", score, why, detail);
  }

  /** The brightest blob of the eye: pixels within 15 % of the eye's maximum, if it stands out. */
  private static Highlight highlight(GreyImage g, BitSet eye, RasterBox box) {
    double[] v = Pixels.values(g, eye);
    double max = Pixels.percentile(v, 100);
    double median = Pixels.percentile(v, 50);
    if (max - median < MIN_HIGHLIGHT) {
      return null;
    }
    double cut = max - 0.15 * (max - median);
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int i = eye.nextSetBit(0); i >= 0; i = eye.nextSetBit(i + 1)) {
      if (g.at(i) >= cut) {
        sx += i % g.width();
        sy += i / g.width();
        n++;
      }
    }
    return new Highlight((sx / n - box.x()) / box.w(), (sy / n - box.y()) / box.h(), n / (double) v.length);
  }
}
