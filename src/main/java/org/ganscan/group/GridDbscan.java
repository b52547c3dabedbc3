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
 * minPoints}; joining core points, it looks at each cell's components (with their bounding boxes)
 * rather than its points, so a dense cluster is not compared pair by pair.
 */
public final class GridDbscan implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final double eps;
  private final int minPoints;

  public GridDbscan(double eps, int minPoints) {
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
    if (points.length == 0) {
      return List.of();
    }
    Index index = new Index(points);
    boolean[] core = index.core(null);
    UnionFind uf = index.join(core);
    int n = points.length;
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
      if (!core[i]) {
        int best = -1;
        for (int j : index.coreNeighbours(i, core)) {
          if (best < 0 || clusterOf[j] < best) {
            best = clusterOf[j];
          }
        }
        clusterOf[i] = best;
      }
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

  // The steps of cluster() for a distributed job, which runs them per cell on the points of the
  // cell and its neighbours ({@link #cellOf}, {@link #neighbourCells}): every neighbour of a point
  // is in one of those cells, so counts and joins made there are exact.

  /** The grid cell of a point (by its first four coordinates). */
  public long cellOf(double[] point) {
    return key(point, 0, 0, 0, 0);
  }

  /** A cell and its 80 neighbours. */
  public long[] neighbourCells(long cell) {
    int[] c = decode(cell);
    long[] out = new long[81];
    int k = 0;
    for (int d0 = -1; d0 <= 1; d0++) {
      for (int d1 = -1; d1 <= 1; d1++) {
        for (int d2 = -1; d2 <= 1; d2++) {
          for (int d3 = -1; d3 <= 1; d3++) {
            out[k++] = pack(c[0] + d0, c[1] + d1, c[2] + d2, c[3] + d3);
          }
        }
      }
    }
    return out;
  }

  /** Which of the {@code asked} points are core points among {@code points} (the others' flags are false). */
  public boolean[] coreAmong(double[][] points, boolean[] asked) {
    return points.length == 0 ? new boolean[0] : new Index(points).core(asked);
  }

  /** The components (two or more core points within eps of each other, chained) among {@code points}' core points, as index arrays. */
  public List<int[]> components(double[][] points, boolean[] core) {
    if (points.length == 0) {
      return List.of();
    }
    UnionFind uf = new Index(points).join(core);
    return uf.components().stream().map(c -> c.stream().mapToInt(Integer::intValue).toArray()).toList();
  }

  /** For each {@code asked} point, the core points within eps (null for the others). */
  public int[][] coreNeighbours(double[][] points, boolean[] core, boolean[] asked) {
    int[][] out = new int[points.length][];
    if (points.length == 0) {
      return out;
    }
    Index index = new Index(points);
    for (int i = 0; i < points.length; i++) {
      if (asked[i]) {
        out[i] = index.coreNeighbours(i, core);
      }
    }
    return out;
  }

  /** The points on the grid: cells, each cell's bounding box, and each cell's occupied neighbours. */
  private final class Index {
    final double[][] points;
    final double eps2 = eps * eps;
    final long[] cellOf;
    final Map<int[], double[][]> boxes = new java.util.IdentityHashMap<>();
    final Map<Long, int[][]> around = new HashMap<>();

    Index(double[][] points) {
      this.points = points;
      int n = points.length;
      int dims = points[0].length;
      if (dims < 4) {
        throw new IllegalArgumentException("need at least 4 coordinates");
      }
      // Cells on the first four coordinates, each point in one; a cell's points in index order.
      Map<Long, int[]> cells = new HashMap<>();
      cellOf = new long[n];
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
      // The occupied neighbour cells of each occupied cell, itself first (where a point's
      // neighbours most likely are, so counting to minPoints stops soonest), once per cell; and
      // each cell's bounding box over all coordinates, so a point skips a cell farther than eps.
      for (int[] cell : cells.values()) {
        double[] lo = points[cell[0]].clone();
        double[] hi = lo.clone();
        for (int j : cell) {
          for (int d = 0; d < dims; d++) {
            lo[d] = Math.min(lo[d], points[j][d]);
            hi[d] = Math.max(hi[d], points[j][d]);
          }
        }
        boxes.put(cell, new double[][] {lo, hi});
      }
      for (Map.Entry<Long, int[]> e : cells.entrySet()) {
        List<int[]> near = new ArrayList<>();
        near.add(e.getValue());
        for (long k : neighbourCells(e.getKey())) {
          int[] other = cells.get(k);
          if (other != null && other != e.getValue()) {
            near.add(other);
          }
        }
        around.put(e.getKey(), near.toArray(int[][]::new));
      }
    }

    /** Core flags: at least minPoints others within eps (counting stops there); only for {@code asked} points when given. */
    boolean[] core(boolean[] asked) {
      int n = points.length;
      boolean[] core = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (asked != null && !asked[i]) {
          continue;
        }
        int count = 0;
        search:
        for (int[] cell : around.get(cellOf[i])) {
          if (boxDistance2(boxes.get(cell), points[i]) > eps2) {
            continue;
          }
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
      return core;
    }

    /**
     * Core points within eps of each other: one component. Each cell keeps its core points grouped
     * by component, with each group's bounding box; a point skips a group already joined to it or
     * whose box is farther than eps, and stops at the first neighbour in a group (the whole group
     * is one component). Groups only merge, so a grouping stays correct as unions go on. Once
     * enough unions anywhere may have merged half of a cell's groups, their roots are counted, and
     * the grouping is rebuilt only if they did ({@link CellGroups#halfMerged}): a dense template
     * settles into a few groups instead of being compared pair by pair, and is not regrouped (a
     * sort of all its points) every time a join happens elsewhere in a large batch.
     */
    UnionFind join(boolean[] core) {
      int n = points.length;
      UnionFind uf = new UnionFind(n);
      Map<int[], CellGroups> groupsOf = new java.util.IdentityHashMap<>();
      long unions = 0;
      for (int i = 0; i < n; i++) {
        if (!core[i]) {
          continue;
        }
        for (int[] cell : around.get(cellOf[i])) {
          CellGroups g = groupsOf.computeIfAbsent(cell, c -> new CellGroups(c, core));
          if (g.points.length == 0) {
            continue;
          }
          if (g.builtAt < 0) {
            g.build(uf, points, unions);
          } else if (g.count > 1 && unions - g.checkedAt >= Math.max(1, g.count / 2)) {
            g.checkedAt = unions;
            if (g.halfMerged(uf)) {
              g.build(uf, points, unions);
            }
          }
          int ri = uf.find(i);
          for (int k = 0; k < g.count; k++) {
            if (uf.find(g.rep(k)) == ri || g.boxDistance2(k, points[i]) > eps2) {
              continue;
            }
            for (int m = g.starts[k]; m < g.starts[k + 1]; m++) {
              int j = g.order[m];
              if (j != i && within(points[i], points[j], eps2)) {
                if (uf.union(i, j)) {
                  unions++;
                }
                ri = uf.find(i);
                break;
              }
            }
          }
        }
      }
      return uf;
    }

    /** The core points within eps of point i, in ascending order. */
    int[] coreNeighbours(int i, boolean[] core) {
      List<Integer> out = new ArrayList<>();
      for (int[] cell : around.get(cellOf[i])) {
        if (boxDistance2(boxes.get(cell), points[i]) > eps2) {
          continue;
        }
        for (int j : cell) {
          if (j != i && core[j] && within(points[i], points[j], eps2)) {
            out.add(j);
          }
        }
      }
      return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
  }

  /** One cell's core points, grouped by the component each was in when the grouping was made, each group with its bounding box. */
  private static final class CellGroups {
    final int[] points;
    int[] order;
    int[] starts;
    int count;
    double[][][] boxes; // {lo, hi} per group; null for a single point
    long builtAt = -1;
    /** The union count when the groups were last checked for merging. */
    long checkedAt = -1;

    CellGroups(int[] cell, boolean[] core) {
      points = Arrays.stream(cell).filter(j -> core[j]).toArray();
    }

    int rep(int k) {
      return order[starts[k]];
    }

    /**
     * Whether joins since the grouping was made have merged its groups down to half or fewer
     * distinct components: then it is worth making again. Groups only ever merge, so each
     * regrouping at least halves the count, and a cell whose points are one component (a dense
     * template) is grouped at most a logarithmic number of times, however many joins the batch
     * makes elsewhere.
     */
    boolean halfMerged(UnionFind uf) {
      int[] roots = new int[count];
      for (int k = 0; k < count; k++) {
        roots[k] = uf.find(rep(k));
      }
      Arrays.sort(roots);
      int distinct = 0;
      for (int k = 0; k < count; k++) {
        if (k == 0 || roots[k] != roots[k - 1]) {
          distinct++;
        }
      }
      return distinct <= count / 2;
    }

    void build(UnionFind uf, double[][] coords, long unions) {
      long[] byRoot = new long[points.length];
      for (int m = 0; m < points.length; m++) {
        byRoot[m] = (long) uf.find(points[m]) << 32 | points[m];
      }
      Arrays.sort(byRoot);
      order = new int[points.length];
      int[] s = new int[points.length + 1];
      int c = 0;
      for (int m = 0; m < byRoot.length; m++) {
        order[m] = (int) byRoot[m];
        if (m == 0 || (byRoot[m] >>> 32) != (byRoot[m - 1] >>> 32)) {
          s[c++] = m;
        }
      }
      s[c] = points.length;
      starts = Arrays.copyOf(s, c + 1);
      count = c;
      boxes = new double[c][][];
      for (int k = 0; k < c; k++) {
        if (starts[k + 1] - starts[k] == 1) {
          continue; // a single point is its own box
        }
        double[] l = coords[order[starts[k]]].clone();
        double[] h = l.clone();
        for (int m = starts[k] + 1; m < starts[k + 1]; m++) {
          double[] p = coords[order[m]];
          for (int d = 0; d < p.length; d++) {
            l[d] = Math.min(l[d], p[d]);
            h[d] = Math.max(h[d], p[d]);
          }
        }
        boxes[k] = new double[][] {l, h};
      }
      builtAt = unions;
      checkedAt = unions;
    }

    /** Squared distance from {@code p} to group k's bounding box (0 inside); 0 for a single point, which is compared itself. */
    double boxDistance2(int k, double[] p) {
      return boxes[k] == null ? 0 : GridDbscan.boxDistance2(boxes[k], p);
    }
  }

  /** Squared distance from {@code p} to the box {lo, hi} (0 inside). */
  private static double boxDistance2(double[][] box, double[] p) {
    double s = 0;
    for (int d = 0; d < p.length; d++) {
      double gap = p[d] < box[0][d] ? box[0][d] - p[d] : p[d] > box[1][d] ? p[d] - box[1][d] : 0;
      s += gap * gap;
    }
    return s;
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
