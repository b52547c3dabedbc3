package org.ganscan.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.trait.FfhqTemplate;

/**
 * Finds faces that share one landmark configuration (eyes, nose, mouth, ears as fractions of the
 * frame) with DBSCAN ({@link GridDbscan}: the same clusters as Apache Commons Math's, found through
 * a grid instead of every pair). A shared template is what investigators saw by
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
    return fromLabels(members, labels(members));
  }

  /** The density search of {@link #find}, with the template's radius and neighbour count. */
  public static GridDbscan dbscan() {
    return new GridDbscan(EPS, MIN_POINTS);
  }

  /** The coordinates the density search measures distances in (weighted landmark fractions). */
  public static double[] weightedLandmarks(FaceLandmarks landmarks) {
    return weighted(landmarks.coordinates());
  }

  /**
   * Each member's cluster (any number; -1 for none and for members without a face). Identical
   * landmark sets (copies of one photo) count once for density: a photo posted ten times is a
   * reuse group, not ten faces sharing a template; every copy of a configuration that clusters
   * gets its label.
   */
  static int[] labels(List<Member> members) {
    Map<Coordinates, Integer> distinctIndex = new java.util.HashMap<>();
    List<double[]> distinct = new ArrayList<>();
    int[] pointOf = new int[members.size()];
    for (int i = 0; i < members.size(); i++) {
      pointOf[i] = -1;
      if (!members.get(i).hasFace()) {
        continue;
      }
      double[] w = weighted(members.get(i).landmarks().coordinates());
      Coordinates key = new Coordinates(w);
      Integer at = distinctIndex.get(key);
      if (at == null) {
        at = distinct.size();
        distinctIndex.put(key, at);
        distinct.add(w);
      }
      pointOf[i] = at;
    }
    int[] clusterOf = new int[distinct.size()];
    java.util.Arrays.fill(clusterOf, -1);
    List<int[]> clusters = dbscan().cluster(distinct.toArray(double[][]::new));
    for (int c = 0; c < clusters.size(); c++) {
      for (int p : clusters.get(c)) {
        clusterOf[p] = c;
      }
    }
    int[] out = new int[members.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = pointOf[i] < 0 ? -1 : clusterOf[pointOf[i]];
    }
    return out;
  }

  /**
   * The template groups of a batch whose clusters were found elsewhere (a distributed job): {@code
   * labels[i]} is member i's cluster, any number, -1 for none; the groups are the same whatever
   * the numbers.
   */
  public List<Group> fromLabels(List<Member> members, int[] labels) {
    if (labels.length != members.size()) {
      throw new IllegalArgumentException("one label per member");
    }
    Map<Integer, List<Member>> byLabel = new java.util.TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        if (!members.get(i).hasFace()) {
          throw new IllegalArgumentException(members.get(i).path() + " has no face to cluster");
        }
        byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(members.get(i));
      }
    }
    List<Member> faces = members.stream().filter(Member::hasFace).toList();
    List<List<Member>> groups = new ArrayList<>(byLabel.values());
    groups.forEach(g -> g.sort(Comparator.comparing(Member::path)));
    groups.removeIf(g -> g.size() < 2);
    // Density finds where faces crowd; a shared template is also tight. Members whose eyes sit
    // farther from the group's centre than the group's own scatter allows are trimmed (listed in
    // the evidence with their distances): real crops that only happen to fall near the template.
    Map<List<Member>, Map<String, Double>> trimmed = new java.util.IdentityHashMap<>();
    List<List<Member>> kept = new ArrayList<>();
    for (List<Member> g : groups) {
      Map<String, Double> cut = new LinkedHashMap<>();
      List<Member> tight = trim(g, cut);
      if (tight.size() >= 2 && medianEyeDistance(tight) <= MAX_MEDIAN_DISTANCE) {
        kept.add(tight);
        trimmed.put(tight, cut);
      }
    }
    kept.sort(Comparator.comparing((List<Member> g) -> g.get(0).path()));
    Moments all = Moments.of(faces);
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      out.add(describe("template-" + (i + 1), kept.get(i), all, trimmed.get(kept.get(i))));
    }
    return out;
  }

  /**
   * No member's eyes are allowed farther from the centre (the farther eye, as a fraction of the
   * width) than {@link #TRIM_FACTOR} times the members' median distance, nor than {@link
   * #TRIM_FLOOR} when the group is tighter than that, recomputed until nothing more is cut. On the
   * dev set's StyleGAN template the median is 0.6 % of the width and the farthest GAN face 1.6 %.
   */
  static final double TRIM_FACTOR = 2.5;
  static final double TRIM_FLOOR = 0.01;
  /** Trim rounds at most: each recomputes the centre and the median without the faces cut before. */
  static final int TRIM_ROUNDS = 5;
  /**
   * A shared template puts its members' eyes on the same pixels to within the landmarks' own
   * precision (about 1 % of the width; StyleGAN faces scatter 0.6 %): after the trim, the members'
   * median eye distance from the centre is at most this. In a large batch of ordinary crops, faces
   * crowd by chance at 1.2-2.3 % (1,000 simulated real avatars, GroupingTest): not a template.
   */
  static final double MAX_MEDIAN_DISTANCE = 0.01;

  /** The members' median eye distance from their coordinate-wise median centre (fraction of the width). */
  static double medianEyeDistance(List<Member> in) {
    double[] centre = eyeMedian(in);
    double[] d = in.stream().mapToDouble(m -> eyeDistance(m, centre)).sorted().toArray();
    return d[d.length / 2];
  }

  private static List<Member> trim(List<Member> in, Map<String, Double> trimmed) {
    List<Member> current = in;
    for (int round = 0; round < TRIM_ROUNDS && current.size() >= 2; round++) {
      double[] centre = eyeMedian(current);
      double[] d = current.stream().mapToDouble(m -> eyeDistance(m, centre)).toArray();
      double[] sorted = d.clone();
      java.util.Arrays.sort(sorted);
      double median = sorted[sorted.length / 2];
      double cut = Math.max(TRIM_FLOOR, TRIM_FACTOR * median);
      List<Member> next = new ArrayList<>();
      for (int i = 0; i < current.size(); i++) {
        if (d[i] <= cut) {
          next.add(current.get(i));
        } else {
          trimmed.put(current.get(i).path(), round(100 * d[i]));
        }
      }
      if (next.size() == current.size()) {
        break;
      }
      current = next;
    }
    return current;
  }

  /** Coordinate-wise median of the eye positions (u, v of each eye). */
  private static double[] eyeMedian(List<Member> in) {
    double[] out = new double[4];
    for (int k = 0; k < 4; k++) {
      int kk = k;
      double[] v = in.stream().mapToDouble(m -> m.landmarks().coordinates()[kk]).sorted().toArray();
      out[k] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
    return out;
  }

  /** The farther of the two eyes' distances from {@code centre} (u, v of each eye). */
  private static double eyeDistance(Member m, double[] centre) {
    List<NormalizedPoint> p = m.landmarks().points();
    return Math.max(Math.hypot(p.get(0).u() - centre[0], p.get(0).v() - centre[1]), Math.hypot(p.get(1).u() - centre[2], p.get(1).v() - centre[3]));
  }

  /**
   * Sums of each landmark coordinate and of its square over a set of faces, so the spread of the
   * batch's other faces is the whole batch's sums less the group's: one pass over the batch, not
   * one per group.
   */
  record Moments(int count, double[] sum, double[] squares) {
    static Moments of(List<Member> in) {
      double[] s = new double[12];
      double[] q = new double[12];
      for (Member m : in) {
        double[] l = m.landmarks().coordinates();
        for (int i = 0; i < 12; i++) {
          s[i] += l[i];
          q[i] += l[i] * l[i];
        }
      }
      return new Moments(in.size(), s, q);
    }

    Moments minus(Moments o) {
      double[] s = new double[12];
      double[] q = new double[12];
      for (int i = 0; i < 12; i++) {
        s[i] = sum[i] - o.sum[i];
        q[i] = squares[i] - o.squares[i];
      }
      return new Moments(count - o.count, s, q);
    }

    /** Root-mean-square distance of landmark k from its mean, as a fraction of the frame. */
    double spread(int k) {
      double v = 0;
      for (int i = 2 * k; i <= 2 * k + 1; i++) {
        double mean = sum[i] / count;
        v += Math.max(0, squares[i] / count - mean * mean);
      }
      return Math.sqrt(v);
    }
  }

  /** A landmark set as a map key: equal when every coordinate is. */
  private record Coordinates(double[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Coordinates c && java.util.Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(values);
    }
  }

  private static double[] weighted(double[] landmarks) {
    double[] out = new double[landmarks.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = landmarks[i] * WEIGHTS[i];
    }
    return out;
  }

  private Group describe(String id, List<Member> in, Moments all, Map<String, Double> trimmed) {
    double[] centre = mean(in);
    Moments others = all.minus(Moments.of(in));
    Map<String, Object> spread = new LinkedHashMap<>();
    double clusterEyes = 0;
    double otherEyes = 0;
    for (int k = 0; k < 6; k++) {
      double s = spread(in, centre, k);
      double o = others.count() >= 2 ? others.spread(k) : Double.NaN;
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
    // Faces the density search took in but whose eyes sit too far from the centre for the group's
    // own scatter (see trim): not members, listed so the analyst can see where the line fell.
    evidence.put("trimmed_eye_distance_to_centre_pct_width", trimmed);
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
