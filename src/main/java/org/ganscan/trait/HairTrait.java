package org.ganscan.trait;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.GreyImage;

/**
 * Hair: StyleGAN paints hair as smeared texture that melts into the background. Measured as the
 * orientation coherence of the hair (structure tensor over 5x5 windows, energy-weighted): real
 * strands run in one direction locally, painted hair less so; and as the contrast of the hair /
 * background edge against the face's own detail contrast.
 */
public final class HairTrait implements Trait {
  public static final String NAME = "hair";
  /** Below this many raster pixels of hair there is nothing to judge (bald, cropped, hat). */
  static final int MIN_PIXELS = 200;
  /** Between the dev set's median coherence of real hair (0.73) and of GAN hair (0.74) on originals: a weak signal alone. */
  static final double MIDPOINT = 0.70;
  static final double SPREAD = -0.05;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TraitScore measure(TraitInput input) {
    Region hair = input.regions().get(RegionKind.HAIR);
    if (hair.area() < MIN_PIXELS) {
      return TraitScore.unmeasured(NAME, "orientation_coherence", "hair: too little visible hair to judge (" + hair.area() + " px)");
    }
    GreyImage g = input.frame();
    double coherence = coherence(g, hair.bits(), Math.max(2, (int) (0.02 * input.regions().faceWidth())));
    double faceDetail = Pixels.percentile(Pixels.gradientMagnitudes(g, input.regions().get(RegionKind.FACE_SKIN).bits()), 90);
    Region edge = input.regions().get(RegionKind.HAIR_EDGE);
    double edgeContrast = edge.area() < 20 || !(faceDetail > 0)
        ? Double.NaN
        : Pixels.mean(Pixels.gradientMagnitudes(g, edge.bits())) / faceDetail;
    double score = Pixels.logistic(coherence, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    if (Double.isFinite(edgeContrast)) {
      detail.put("edge_contrast", edgeContrast);
    }
    detail.put("hair_px", (double) hair.area());
    String why = String.format(
        "hair: strand orientation coherence %.2f%s; %s",
        coherence,
        Double.isFinite(edgeContrast) ? String.format(", hair/background edge contrast %.2f of the face's", edgeContrast) : "",
        score >= 0.5 ? "texture looks painted rather than stranded" : "strands run coherently, as in real hair");
    return new TraitScore(NAME, coherence, "orientation_coherence", score, why, detail);
  }

  /**
   * Energy-weighted mean coherence (l1 - l2) / (l1 + l2) of the structure tensor, smoothed over a
   * (2r+1)^2 window, over the region's pixels.
   */
  static double coherence(GreyImage g, BitSet region, int r) {
    int w = g.width();
    int h = g.height();
    // The tensor is needed only around the region: its bounding box grown by the window radius.
    int x0 = w;
    int y0 = h;
    int x1 = -1;
    int y1 = -1;
    for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
      x0 = Math.min(x0, i % w);
      x1 = Math.max(x1, i % w);
      y0 = Math.min(y0, i / w);
      y1 = Math.max(y1, i / w);
    }
    if (x1 < 0) {
      return 0;
    }
    x0 = Math.max(0, x0 - r);
    y0 = Math.max(0, y0 - r);
    x1 = Math.min(w - 1, x1 + r);
    y1 = Math.min(h - 1, y1 + r);
    double[] jxx = new double[w * h];
    double[] jyy = new double[w * h];
    double[] jxy = new double[w * h];
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double[] d = Pixels.gradient(g, x, y);
        int i = y * w + x;
        jxx[i] = d[0] * d[0];
        jyy[i] = d[1] * d[1];
        jxy[i] = d[0] * d[1];
      }
    }
    double num = 0;
    double den = 0;
    for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
      int cx = i % w;
      int cy = i / w;
      double a = 0;
      double b = 0;
      double c = 0;
      for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
        for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
          int k = y * w + x;
          a += jxx[k];
          b += jyy[k];
          c += jxy[k];
        }
      }
      double trace = a + b;
      if (trace > 1e-6) {
        double diff = Math.sqrt((a - b) * (a - b) + 4 * c * c);
        num += diff;
        den += trace;
      }
    }
    return den > 0 ? num / den : 0;
  }
}
