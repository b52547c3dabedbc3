package org.ganscan.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DBSCAN (Ester et al., KDD 1996) over points whose first four coordinates are the ones that
 * matter most, found through a grid on those four instead of comparing every pair: two points
 * within {@code eps} of each other are within {@code eps} on every coordinate, so their cells on a
 * grid of side {@code eps} differ by at most one in each of the four, and only the 81 cells around
 * a point hold its candidates.
 *
 * <p>The clusters are DBSCAN's: a point is a core point when at least {@code minPoints} other
 * points lie within {@code eps} (Apache Commons Math's rule); core points within {@code eps} of
 * each other share a cluster; a point that is not core joins the cluster of a core point within
 * {@code eps}, the earliest cluster (by its first core point) when several reach it, as Commons
 * Math's expansion order does. Unlike Commons Math, identical points are distinct members (two
 * copies of one photo are both clustered). {@code GridDbscanTest} checks it against a naive
 * all-pairs DBSCAN and against Commons Math.
 *
 * <p>Cost: each point looks at the candidates in its 81 cells, but stops counting at {@code
 * minPoints}, and a cell whose core points are already one component with the point's is skipped
 * whole, so a dense cluster is not compared pair by pair.
 */
final class GridDbscan {
  private final double eps;
  private final int minPoints;

  GridDbscan(double eps, int minPoints) {
    if (!(eps > 0) || minPoints < 1) {
      throw new IllegalArgumentException("eps must be positive and minPoints at least 1");
    }
    this.eps = eps;
    this.minPoints = minPoints;
  }

  /**
   * The clusters of {@code points} (each of {@code dims} >= 4 coordinates, all finite), as sorted
   * index arrays in order of their first core point.
   */
  List<int[]> cluster(double[][] points) {
    int n = points.length;
    if (n == 0) {
      return List.of();
    }
    int dims = points[0].length;
    if (dims < 4) {
      throw new IllegalArgumentException("need at least 4 coordinates");
    }
    double eps2 = eps * eps;
    // Cells on the first four coordinates, each point in one; a cell's points in index order.
    Map<Long, int[]> cells = new HashMap<>();
    long[] cellOf = new long[n];
    {
      Map<Long, Integer> counts = new HashMap<>();
      for (int i = 0; i < n; i++) {
        if (points[i].length != dims) {
          throw new IllegalArgumentException("every point needs " + dims + " coordinates");
        }
        for (double v : points[i]) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("coordinates must be finite");
          }
        }
        cellOf[i] = key(points[i], 0, 0, 0, 0);
        counts.merge(cellOf[i], 1, Integer::sum);
      }
      Map<Long, Integer> filled = new HashMap<>();
      for (Map.Entry<Long, Integer> e : counts.entrySet()) {
        cells.put(e.getKey(), new int[e.getValue()]);
      }
      for (int i = 0; i < n; i++) {
        int at = filled.merge(cellOf[i], 1, Integer::sum) - 1;
        cells.get(cellOf[i])[at] = i;
      }
    }
    // The occupied neighbour cells of each occupied cell (including itself), once per cell.
    Map<Long, int[][]> around = new HashMap<>();
    for (Map.Entry<Long, int[]> e : cells.entrySet()) {
      int[] c = decode(e.getKey());
      List<int[]> near = new ArrayList<>();
      for (int d0 = -1; d0 <= 1; d0++) {
        for (int d1 = -1; d1 <= 1; d1++) {
          for (int d2 = -1; d2 <= 1; d2++) {
            for (int d3 = -1; d3 <= 1; d3++) {
              int[] other = cells.get(pack(c[0] + d0, c[1] + d1, c[2] + d2, c[3] + d3));
              if (other != null) {
                near.add(other);
              }
            }
          }
        }
      }
      around.put(e.getKey(), near.toArray(int[][]::new));
    }
    // Core points: at least minPoints others within eps (counting stops there).
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      int count = 0;
      search:
      for (int[] cell : around.get(cellOf[i])) {
        for (int j : cell) {
          if (j != i && within(points[i], points[j], eps2)) {
            if (++count >= minPoints) {
              break search;
            }
          }
        }
      }
      core[i] = count >= minPoints;
    }
    // Core points within eps of each other: one component. A cell all of whose core points are
    // already in one component is remembered (components only merge), and skipped whole when the
    // point at hand is in that component too.
    UnionFind uf = new UnionFind(n);
    Map<int[], Integer> settled = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      if (!core[i]) {
        continue;
      }
      for (int[] cell : around.get(cellOf[i])) {
        Integer rep = settled.get(cell);
        if (rep == null) {
          rep = singleComponent(cell, core, uf);
          if (rep != null) {
            settled.put(cell, rep);
          }
        }
        if (rep != null && (rep < 0 || uf.find(rep) == uf.find(i))) {
          continue; // no core point there, or all of them already joined to this one
        }
        for (int j : cell) {
          if (j != i && core[j] && uf.find(j) != uf.find(i) && within(points[i], points[j], eps2)) {
            uf.union(i, j);
          }
        }
      }
    }
    // The root of each component is its smallest index (UnionFind keeps the smaller root), which is
    // its first core point: the order in which Commons Math starts its clusters.
    int[] clusterOf = new int[n];
    Arrays.fill(clusterOf, -1);
    for (int i = 0; i < n; i++) {
      if (core[i]) {
        clusterOf[i] = uf.find(i);
      }
    }
    for (int i = 0; i < n; i++) {
      if (core[i]) {
        continue;
      }
      int best = -1;
      for (int[] cell : around.get(cellOf[i])) {
        for (int j : cell) {
          if (core[j] && (best < 0 || clusterOf[j] < best) && within(points[i], points[j], eps2)) {
            best = clusterOf[j];
          }
        }
      }
      clusterOf[i] = best;
    }
    Map<Integer, List<Integer>> byRoot = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (clusterOf[i] >= 0) {
        byRoot.computeIfAbsent(clusterOf[i], k -> new ArrayList<>()).add(i);
      }
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> c : byRoot.values()) {
      out.add(c.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** The one component all core points of {@code cell} are in (any member's index), -1 without core points, null when they are in several. */
  private static Integer singleComponent(int[] cell, boolean[] core, UnionFind uf) {
    int root = -1;
    int rep = -1;
    for (int j : cell) {
      if (core[j]) {
        int r = uf.find(j);
        if (root < 0) {
          root = r;
          rep = j;
        } else if (r != root) {
          return null;
        }
      }
    }
    return rep;
  }

  private static boolean within(double[] a, double[] b, double eps2) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      s += d * d;
      if (s > eps2) {
        return false;
      }
    }
    return true;
  }

  private long key(double[] p, int d0, int d1, int d2, int d3) {
    return pack(cell(p[0]) + d0, cell(p[1]) + d1, cell(p[2]) + d2, cell(p[3]) + d3);
  }

  /** Clamped (monotone, so neighbours stay neighbours) so that any finite coordinate packs. */
  private int cell(double v) {
    return (int) Math.max(-32000, Math.min(32000, Math.floor(v / eps)));
  }

  /** Four cell indices in 16 bits each (offset so that -32768..32767 fit). */
  private static long pack(int a, int b, int c, int d) {
    return ((long) (a + 32768) & 0xFFFF) << 48 | ((long) (b + 32768) & 0xFFFF) << 32 | ((long) (c + 32768) & 0xFFFF) << 16 | ((long) (d + 32768) & 0xFFFF);
  }

  private static int[] decode(long key) {
    return new int[] {(int) ((key >>> 48) & 0xFFFF) - 32768, (int) ((key >>> 32) & 0xFFFF) - 32768, (int) ((key >>> 16) & 0xFFFF) - 32768, (int) (key & 0xFFFF) - 32768};
  }
}
