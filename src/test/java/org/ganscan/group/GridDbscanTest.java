package org.ganscan.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.junit.jupiter.api.Test;

/**
 * The grid DBSCAN gives the clusters of a naive DBSCAN that compares every pair (the oracle), and of
 * Apache Commons Math's, on batches made to have dense clusters, chains, border points reachable
 * from two clusters, noise and exact duplicates.
 */
class GridDbscanTest {
  /** Textbook DBSCAN over all pairs with Commons Math's rules (core: at least minPoints others within eps; a border point joins the earliest cluster). */
  static List<int[]> naive(double[][] p, double eps, int minPoints) {
    int n = p.length;
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && dist(p[i], p[j]) <= eps) {
          c++;
        }
      }
      core[i] = c >= minPoints;
    }
    int[] cluster = new int[n];
    Arrays.fill(cluster, -1);
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!core[i] || cluster[i] >= 0) {
        continue;
      }
      int id = clusters.size();
      List<Integer> members = new ArrayList<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(i));
      cluster[i] = id;
      while (!queue.isEmpty()) {
        int q = queue.poll();
        members.add(q);
        if (!core[q]) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (cluster[j] < 0 && dist(p[q], p[j]) <= eps) {
            cluster[j] = id;
            queue.add(j);
          }
        }
      }
      clusters.add(members);
    }
    return clusters.stream().map(c -> c.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
  }

  private static double dist(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }

  /** Dense blobs, a chain, scattered noise and duplicates, in 12 weighted dimensions like the landmark sets. */
  static double[][] batch(int n, long seed) {
    Random r = new Random(seed);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = new double[12];
      int kind = r.nextInt(10);
      for (int k = 0; k < 12; k++) {
        double w = TemplateClusters.WEIGHTS[k];
        double spread = switch (kind) {
          case 0, 1, 2 -> 0.006; // a tight template
          case 3 -> 0.02; // a loose one, near its density limit
          default -> 0.12; // scattered
        };
        double centre = kind == 3 ? 0.3 : 0.5;
        p[k] = w * (centre + r.nextGaussian() * spread);
      }
      if (kind == 4 && i > 0 && r.nextBoolean()) {
        p = out[r.nextInt(i)].clone(); // an exact duplicate of an earlier point
      }
      if (kind == 5) {
        for (int k = 0; k < 12; k++) {
          p[k] = TemplateClusters.WEIGHTS[k] * (0.1 + 0.8 * (i % 97) / 97.0) + r.nextGaussian() * 0.002; // a chain along the diagonal
        }
      }
      out[i] = p;
    }
    return out;
  }

  @Test
  void equalsTheNaiveAllPairsDbscan() {
    for (long seed = 1; seed <= 6; seed++) {
      double[][] p = batch(1_500, seed);
      for (double eps : new double[] {0.01, 0.03, 0.05}) {
        List<int[]> grid = new GridDbscan(eps, 4).cluster(p);
        List<int[]> oracle = naive(p, eps, 4);
        assertEquals(oracle.size(), grid.size(), "seed " + seed + " eps " + eps);
        for (int c = 0; c < oracle.size(); c++) {
          assertArrayEquals(oracle.get(c), grid.get(c), "seed " + seed + " eps " + eps + " cluster " + c);
        }
        assertTrue(eps < 0.02 || grid.stream().anyMatch(c -> c.length > 300), "a dense cluster is found");
      }
    }
  }

  @Test
  void equalsCommonsMathOnDistinctPoints() {
    double[][] p = batch(2_000, 42);
    Set<List<Double>> seen = new HashSet<>();
    List<double[]> distinct = new ArrayList<>();
    for (double[] x : p) {
      if (seen.add(Arrays.stream(x).boxed().toList())) {
        distinct.add(x);
      }
    }
    double[][] q = distinct.toArray(double[][]::new);
    List<DoublePoint> points = distinct.stream().map(DoublePoint::new).toList();
    java.util.Map<DoublePoint, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      index.put(points.get(i), i);
    }
    List<Cluster<DoublePoint>> cm = new DBSCANClusterer<DoublePoint>(TemplateClusters.EPS, TemplateClusters.MIN_POINTS).cluster(points);
    List<int[]> expected = cm.stream().map(c -> c.getPoints().stream().mapToInt(index::get).sorted().toArray()).toList();
    List<int[]> grid = new GridDbscan(TemplateClusters.EPS, TemplateClusters.MIN_POINTS).cluster(q);
    assertEquals(expected.size(), grid.size());
    for (int c = 0; c < expected.size(); c++) {
      assertArrayEquals(expected.get(c), grid.get(c), "cluster " + c);
    }
  }

  @Test
  void exactDuplicatesAreAllClustered() {
    double[] p = {0.375, 0.474, 0.625, 0.474, 0.5, 0.6, 0.5, 0.7, 0.3, 0.5, 0.7, 0.5};
    double[][] copies = new double[6][];
    Arrays.fill(copies, p);
    List<int[]> c = new GridDbscan(0.03, 4).cluster(copies);
    assertEquals(1, c.size());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, c.get(0));
  }

  /** Copies of one photo count once for density: alone they make no template; beside real neighbours every copy is listed. */
  @Test
  void copiesOfOnePhotoCountOnceButAreAllListed() {
    double[] template = {0.375, 0.474, 0.625, 0.474, 0.5, 0.6, 0.5, 0.72, 0.28, 0.55, 0.72, 0.55};
    List<Member> copies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      copies.add(new Member("copy/" + i + ".jpg", null, 400, 400, FaceLandmarks.of(template), null));
    }
    assertEquals(List.of(), new TemplateClusters().find(copies));
    List<Member> batch = new ArrayList<>(copies);
    Random r = new Random(3);
    for (int i = 0; i < 5; i++) {
      double[] l = template.clone();
      for (int k = 0; k < 12; k++) {
        l[k] += r.nextGaussian() * 0.002;
      }
      batch.add(new Member("gan/" + i + ".png", null, 400, 400, FaceLandmarks.of(l), null));
    }
    List<Group> groups = new TemplateClusters().find(batch);
    assertEquals(1, groups.size());
    assertEquals(13, groups.get(0).members().size());
  }
}
