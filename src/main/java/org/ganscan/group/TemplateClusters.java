package org.ganscan.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.trait.FfhqTemplate;

/**
 * Finds faces that share one landmark configuration (eyes, nose, mouth, ears as fractions of the
 * frame) with DBSCAN (Apache Commons Math). A shared template is what investigators saw by
 * stacking avatars; it is found wherever it is, so a batch re-cropped the same way still groups,
 * and each cluster says whether its centre is the FFHQ/StyleGAN template.
 */
public final class TemplateClusters {
  /**
   * Per-coordinate weights: the crop fixes the eyes; the nose, mouth and ears also move with head
   * pose (on the dev set's aligned StyleGAN faces their SD is 2-7 % of the frame against 0.9 % for
   * the eyes), so they count for less.
   */
  static final double[] WEIGHTS = {1, 1, 1, 1, 0.25, 0.25, 0.25, 0.25, 0.1, 0.1, 0.1, 0.1};
  /** Neighbourhood radius in the weighted landmark space, fractions of the frame. */
  static final double EPS = 0.03;
  static final int MIN_POINTS = 4;
  /** Eye centres within this fraction of the frame of the template: the cluster is the FFHQ crop. */
  static final double FFHQ_TOLERANCE = 0.02;

  public List<Group> find(List<Member> members) {
    List<Member> faces = members.stream().filter(Member::hasFace).toList();
    List<DoublePoint> points = faces.stream().map(m -> new DoublePoint(weighted(m.landmarks().coordinates()))).toList();
    List<Cluster<DoublePoint>> clusters = new DBSCANClusterer<DoublePoint>(EPS, MIN_POINTS).cluster(points);
    Map<DoublePoint, Member> owner = new java.util.IdentityHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      owner.put(points.get(i), faces.get(i));
    }
    List<List<Member>> groups = new ArrayList<>();
    for (Cluster<DoublePoint> c : clusters) {
      List<Member> in = new ArrayList<>(new java.util.LinkedHashSet<>(c.getPoints().stream().map(owner::get).toList()));
      in.sort(Comparator.comparing(Member::path));
      if (in.size() >= 2) {
        groups.add(in);
      }
    }
    groups.sort(Comparator.comparing((List<Member> g) -> g.get(0).path()));
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      out.add(describe("template-" + (i + 1), groups.get(i), faces));
    }
    return out;
  }

  private static double[] weighted(double[] landmarks) {
    double[] out = new double[landmarks.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = landmarks[i] * WEIGHTS[i];
    }
    return out;
  }

  private Group describe(String id, List<Member> in, List<Member> all) {
    double[] centre = mean(in);
    List<Member> others = all.stream().filter(m -> !in.contains(m)).toList();
    Map<String, Object> spread = new LinkedHashMap<>();
    double clusterEyes = 0;
    double otherEyes = 0;
    for (int k = 0; k < 6; k++) {
      double s = spread(in, centre, k);
      double o = others.size() >= 2 ? spread(others, mean(others), k) : Double.NaN;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("pct_width", round(100 * s));
      row.put("px_at_median_width", round(s * medianWidth(in)));
      row.put("others_pct_width", Double.isNaN(o) ? null : round(100 * o));
      spread.put(FaceLandmarks.NAMES.get(k), row);
      if (k < 2) {
        clusterEyes += s / 2;
        otherEyes += o / 2;
      }
    }
    FfhqTemplate t = FfhqTemplate.canonical();
    double dr = Math.hypot(centre[0] - t.rightEye().u(), centre[1] - t.rightEye().v());
    double dl = Math.hypot(centre[2] - t.leftEye().u(), centre[3] - t.leftEye().v());
    boolean ffhq = Math.max(dr, dl) <= FFHQ_TOLERANCE;
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("size", in.size());
    evidence.put("centre", centreMap(centre));
    evidence.put("spread", spread);
    evidence.put("matches_ffhq_template", ffhq);
    evidence.put("eye_distance_to_ffhq_template_pct_width", round(100 * Math.max(dr, dl)));
    // Each member's own distance from the group's centre (the farther of its two eyes, % of the
    // width), so an analyst sees which members sit tight on the template and which only just joined.
    Map<String, Object> distances = new LinkedHashMap<>();
    for (Member m : in) {
      List<NormalizedPoint> p = m.landmarks().points();
      double d = Math.max(Math.hypot(p.get(0).u() - centre[0], p.get(0).v() - centre[1]), Math.hypot(p.get(1).u() - centre[2], p.get(1).v() - centre[3]));
      distances.put(m.path(), round(100 * d));
    }
    evidence.put("member_eye_distance_to_centre_pct_width", distances);
    String why = String.format(java.util.Locale.ROOT,
        "%d faces share one landmark template: eyes spread %.1f%% of the width inside the group vs %s among the batch's other faces; %s",
        in.size(), 100 * clusterEyes, Double.isNaN(otherEyes) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * otherEyes),
        ffhq ? "its centre is the FFHQ/StyleGAN crop" : String.format(java.util.Locale.ROOT, "its centre is another shared framing (eyes %.1f%% of the width off the FFHQ template)", 100 * Math.max(dr, dl)));
    return new Group(id, Group.Kind.TEMPLATE, in.stream().map(Member::path).toList(), evidence, why);
  }

  static double[] mean(List<Member> in) {
    double[] c = new double[12];
    for (Member m : in) {
      double[] l = m.landmarks().coordinates();
      for (int i = 0; i < 12; i++) {
        c[i] += l[i] / in.size();
      }
    }
    return c;
  }

  /** Root-mean-square distance of landmark k from its mean, as a fraction of the frame. */
  static double spread(List<Member> in, double[] centre, int k) {
    double s = 0;
    for (Member m : in) {
      NormalizedPoint p = m.landmarks().points().get(k);
      double du = p.u() - centre[2 * k];
      double dv = p.v() - centre[2 * k + 1];
      s += du * du + dv * dv;
    }
    return Math.sqrt(s / in.size());
  }

  private static double medianWidth(List<Member> in) {
    int[] w = in.stream().mapToInt(Member::width).sorted().toArray();
    return w[w.length / 2];
  }

  private static Map<String, Object> centreMap(double[] c) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int k = 0; k < 6; k++) {
      out.put(FaceLandmarks.NAMES.get(k), List.of(round(c[2 * k]), round(c[2 * k + 1])));
    }
    return out;
  }

  static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
