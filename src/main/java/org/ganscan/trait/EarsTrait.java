package org.ganscan.trait;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.Keypoints;
import org.ganscan.face.Region;
import org.ganscan.face.RegionKind;
import org.ganscan.imaging.GreyImage;

/**
 * Ears: StyleGAN draws the two ears (and earrings) independently, so they often disagree in shape,
 * detail or jewellery. The value is the distance between the right ear's gradient-orientation
 * histogram and the mirrored left ear's (chi-square, 0..2), plus the log-ratio of their detail
 * energy. Not measured when the head is turned so far that one ear is hidden.
 */
public final class EarsTrait implements Trait {
  public static final String NAME = "ears";
  static final int BINS = 8;
  /** Nose offset from the ears' midpoint, as a share of the ear-to-ear distance, beyond which one ear is turned away. */
  static final double MAX_YAW = 0.12;
  static final int MIN_PIXELS = 60;
  static final double MIDPOINT = 0.6;
  static final double SPREAD = 0.15;
  private static final List<Feature> FEATURES =
      List.of(Feature.value(NAME, 1, Feature.Transform.IDENTITY, "ears that differ more"));

  @Override
  public boolean needsPersonMask() {
    return true;
  }

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
    Keypoints k = input.face().detection().keypoints();
    double span = k.rightEar().distanceTo(k.leftEar());
    double yaw = span > 0 ? (k.nose().x() - k.rightEar().midpoint(k.leftEar()).x()) / span : 1;
    if (Math.abs(yaw) > MAX_YAW) {
      return TraitScore.unmeasured(NAME, "ear_asymmetry",
          String.format("ears: head turned (nose %.0f%% off centre), one ear is hidden", 100 * Math.abs(yaw)));
    }
    Region right = input.regions().get(RegionKind.RIGHT_EAR);
    Region left = input.regions().get(RegionKind.LEFT_EAR);
    if (right.area() < MIN_PIXELS || left.area() < MIN_PIXELS) {
      return TraitScore.unmeasured(NAME, "ear_asymmetry", "ears: the ear regions are too small to compare (face too small or at the frame edge)");
    }
    GreyImage g = input.frame();
    double[] hr = histogram(g, right.bits(), false);
    double[] hl = histogram(g, left.bits(), true);
    double shape = chiSquare(normalise(hr), normalise(hl));
    double energy = Math.abs(Math.log((sum(hr) + 1) / (sum(hl) + 1)) / Math.log(2));
    double value = shape + 0.25 * energy;
    double score = Pixels.logistic(value, MIDPOINT, SPREAD);
    Map<String, Double> detail = new LinkedHashMap<>();
    detail.put("shape_distance", shape);
    detail.put("detail_energy_log2_ratio", energy);
    detail.put("yaw", yaw);
    String why = String.format(
        "ears: left/right mismatch %.2f (edge-direction distance %.2f, detail ratio 2^%.1f); %s",
        value, shape, energy, score >= 0.5 ? "the ears differ as GAN ears often do" : "the ears mirror each other");
    return new TraitScore(NAME, value, "ear_asymmetry", score, why, detail);
  }

  /** Magnitude-weighted histogram of gradient orientation (0..pi); mirrored orientations for the left ear. */
  private static double[] histogram(GreyImage g, BitSet region, boolean mirror) {
    double[] h = new double[BINS];
    for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
      double[] d = Pixels.gradient(g, i % g.width(), i / g.width());
      double gx = mirror ? -d[0] : d[0];
      double theta = Math.atan2(d[1], gx);
      if (theta < 0) {
        theta += Math.PI;
      }
      int bin = Math.min(BINS - 1, (int) (theta / Math.PI * BINS));
      h[bin] += Math.hypot(d[0], d[1]);
    }
    return h;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  private static double[] normalise(double[] v) {
    double s = sum(v);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = s > 0 ? v[i] / s : 1.0 / v.length;
    }
    return out;
  }

  private static double chiSquare(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      double s = a[i] + b[i];
      if (s > 0) {
        d += (a[i] - b[i]) * (a[i] - b[i]) / s;
      }
    }
    return d;
  }
}
