package org.ganscan.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.fingerprint.Fingerprint;

/**
 * Finds images whose face-square noise spectra correlate unusually strongly: the same generator or
 * the same processing pipeline. A pair counts when its correlation is at least {@link #MIN_CORRELATION}
 * and above the batch's mean pair correlation by three standard deviations.
 */
public final class TraceFinder {
  static final double MIN_CORRELATION = 0.97;

  public List<Group> groups(List<Member> members, List<Fingerprint> prints, java.util.Set<String> excluded) {
    Search search = search(members, prints, excluded);
    return search == null ? List.of() : groups(search, pairsAtLeast(search.z(), search.spectra(), search.moments(), search.cut()));
  }

  /**
   * What the pair search needs, from sums over the batch: the images that take part (those with a
   * spectrum, reused copies excluded; {@code idx} maps their positions to the members), their
   * standardised spectra, the batch's mean pair correlation and the cut, and the grid (side and
   * principal axes) on which every pair at or above the cut falls in neighbouring cells.
   */
  public record Search(List<Member> members, List<Integer> idx, double[][] spectra, double[][] z, Moments moments,
      double mean, double cut, Grid grid) {
    /** Whether any pair can reach the cut (correlations never exceed 1). */
    public boolean searchable() {
      return cut <= 1 && z.length >= 2;
    }
  }

  /**
   * The grid over the standardised spectra's three principal axes whose side is the distance of
   * two spectra correlating exactly at the cut: every pair at or above it lies in neighbouring
   * cells. Small, so a distributed job ships it to its tasks.
   */
  public record Grid(double[][] axes, double side) implements java.io.Serializable {
    /** The grid cell of a standardised spectrum. */
    public long cellOf(double[] standardised) {
      int[] c = new int[3];
      for (int k = 0; k < 3; k++) {
        double p = 0;
        for (int i = 0; i < standardised.length; i++) {
          p += axes[k][i] * standardised[i];
        }
        c[k] = (int) Math.max(-32000, Math.min(32000, Math.floor(p / side)));
      }
      return pack(c[0], c[1], c[2]);
    }

    /** A cell and its 26 neighbours. */
    public long[] neighbourCells(long cell) {
      int a = (int) ((cell >>> 32) & 0xFFFF) - 32768;
      int b = (int) ((cell >>> 16) & 0xFFFF) - 32768;
      int c = (int) (cell & 0xFFFF) - 32768;
      long[] out = new long[27];
      int k = 0;
      for (int d0 = -1; d0 <= 1; d0++) {
        for (int d1 = -1; d1 <= 1; d1++) {
          for (int d2 = -1; d2 <= 1; d2++) {
            out[k++] = pack(a + d0, b + d1, c + d2);
          }
        }
      }
      return out;
    }
  }

  /** The search over a batch; null when it has fewer than three pairs. */
  public Search search(List<Member> members, List<Fingerprint> prints, java.util.Set<String> excluded) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < prints.size(); i++) {
      if (prints.get(i).spectrum() != null && !excluded.contains(members.get(i).path())) {
        idx.add(i);
      }
    }
    int n = idx.size();
    double[][] spectra = idx.stream().map(i -> prints.get(i).spectrum()).toArray(double[][]::new);
    long pairs = (long) n * (n - 1) / 2; // 5 billion at 100,000 images
    if (pairs < 3) {
      return null;
    }
    // A pair's correlation is the dot product of the two spectra standardised (centred, unit
    // length), so the mean and spread of all n(n-1)/2 correlations follow from the sum of the
    // standardised spectra and the sum of their outer products: O(n) instead of every pair.
    double[][] z = new double[n][];
    for (int a = 0; a < n; a++) {
      z[a] = standardised(spectra[a]);
    }
    Moments m = Moments.of(z);
    double mean = m.pairSum() / pairs;
    double sd = Math.sqrt(Math.max(0, m.pairSquares() / pairs - mean * mean));
    double cut = Math.max(MIN_CORRELATION, mean + 3 * sd);
    Grid grid = cut > 1 ? null : grid(m, n, cut);
    return new Search(members, List.copyOf(idx), spectra, z, m, mean, cut, grid);
  }

  /**
   * The trace groups from the pairs at or above the cut ({@code a << 32 | b} over the search's
   * positions, a < b), found here ({@link #pairsAtLeast}) or by a distributed job on the same grid.
   */
  public List<Group> groups(Search search, long[] strongPairs) {
    int n = search.z().length;
    double[][] z = search.z();
    UnionFind uf = new UnionFind(n);
    for (long key : strongPairs) {
      uf.union((int) (key >>> 32), (int) key);
    }
    List<Group> out = new ArrayList<>();
    int id = 1;
    for (List<Integer> comp : uf.components()) {
      double[][] inGroup = comp.stream().map(i -> z[i]).toArray(double[][]::new);
      double within = Moments.of(inGroup).pairSum() / ((long) comp.size() * (comp.size() - 1) / 2);
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("mean_correlation", round(within));
      evidence.put("batch_mean_correlation", round(search.mean()));
      evidence.put("threshold", round(search.cut()));
      List<String> paths = comp.stream().map(i -> search.members().get(search.idx().get(i)).path()).toList();
      out.add(new Group("trace-" + id++, Group.Kind.TRACE, paths, evidence, String.format(java.util.Locale.ROOT,
          "%d images share a noise-spectrum trace: mean correlation %.3f against %.3f across the batch (same generator or pipeline)",
          paths.size(), within, search.mean())));
    }
    return out;
  }

  /**
   * The pairs correlating at {@code cut} or more, as sorted keys ({@code a << 32 | b}). Two
   * standardised spectra with correlation r lie sqrt(2 - 2r) apart, and no projection brings them
   * farther apart, so on a grid of that side over their three principal components every such pair
   * falls in neighbouring cells: only those candidates are correlated.
   */
  static long[] pairsAtLeast(double[][] z, double[][] spectra, Moments m, double cut) {
    int n = z.length;
    if (cut > 1 || n < 2) {
      return new long[0];
    }
    Grid grid = grid(m, n, cut);
    Map<Long, List<Integer>> cells = new java.util.HashMap<>();
    long[] cellOf = new long[n];
    for (int a = 0; a < n; a++) {
      cellOf[a] = grid.cellOf(z[a]);
      cells.computeIfAbsent(cellOf[a], k -> new ArrayList<>()).add(a);
    }
    long[] out = new long[16];
    int size = 0;
    for (int a = 0; a < n; a++) {
      for (long near : grid.neighbourCells(cellOf[a])) {
        for (int b : cells.getOrDefault(near, List.of())) {
          if (b > a && correlation(spectra[a], spectra[b]) >= cut) {
            if (size == out.length) {
              out = java.util.Arrays.copyOf(out, size * 2);
            }
            out[size++] = (long) a << 32 | b;
          }
        }
      }
    }
    long[] keys = java.util.Arrays.copyOf(out, size);
    java.util.Arrays.sort(keys);
    return keys;
  }

  /** The grid for a cut: side the distance of two standardised spectra correlating exactly at it. */
  private static Grid grid(Moments m, int n, double cut) {
    return new Grid(m.principalAxes(3, n), Math.sqrt(Math.max(0, 2 - 2 * cut)) + 1e-9);
  }

  /** Every pair's correlation compared with the cut: the reference {@link #pairsAtLeast} must equal (tests). */
  static long[] allPairsAtLeast(double[][] spectra, double cut) {
    List<Long> out = new ArrayList<>();
    for (int a = 0; a < spectra.length; a++) {
      for (int b = a + 1; b < spectra.length; b++) {
        if (correlation(spectra[a], spectra[b]) >= cut) {
          out.add((long) a << 32 | b);
        }
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static long pack(int a, int b, int c) {
    return ((long) (a + 32768) & 0xFFFF) << 32 | ((long) (b + 32768) & 0xFFFF) << 16 | ((long) (c + 32768) & 0xFFFF);
  }

  /** Centred and scaled to unit length; all zeros for a flat spectrum (whose correlation is 0). */
  public static double[] standardised(double[] a) {
    double ma = java.util.Arrays.stream(a).average().orElse(0);
    double ss = 0;
    for (double v : a) {
      ss += (v - ma) * (v - ma);
    }
    double[] out = new double[a.length];
    if (ss > 0) {
      double norm = Math.sqrt(ss);
      for (int i = 0; i < a.length; i++) {
        out[i] = (a[i] - ma) / norm;
      }
    }
    return out;
  }

  /** The sum of standardised spectra and of their outer products. */
  public record Moments(double[] sum, double[][] outer, double norms, double norms2) {
    static Moments of(double[][] z) {
      int d = z.length == 0 ? 0 : z[0].length;
      double[] s = new double[d];
      double[][] o = new double[d][d];
      double norms = 0;
      double norms2 = 0;
      for (double[] v : z) {
        double nv = 0;
        for (int i = 0; i < d; i++) {
          s[i] += v[i];
          nv += v[i] * v[i];
          for (int j = 0; j < d; j++) {
            o[i][j] += v[i] * v[j];
          }
        }
        norms += nv;
        norms2 += nv * nv;
      }
      return new Moments(s, o, norms, norms2);
    }

    /** The sum of z_a . z_b over all pairs a < b. */
    double pairSum() {
      double ss = 0;
      for (double v : sum) {
        ss += v * v;
      }
      return (ss - norms) / 2;
    }

    /** The sum of (z_a . z_b)^2 over all pairs a < b. */
    double pairSquares() {
      double f = 0;
      for (double[] row : outer) {
        for (double v : row) {
          f += v * v;
        }
      }
      return (f - norms2) / 2;
    }

    /** The {@code k} leading eigenvectors of the standardised spectra's covariance (their principal axes). */
    double[][] principalAxes(int k, int count) {
      int d = sum.length;
      double[][] cov = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          cov[i][j] = outer[i][j] / count - (sum[i] / count) * (sum[j] / count);
        }
      }
      org.apache.commons.math3.linear.EigenDecomposition e =
          new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(cov));
      double[] values = e.getRealEigenvalues();
      Integer[] order = new Integer[d];
      for (int i = 0; i < d; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
      double[][] out = new double[Math.min(k, d)][];
      for (int i = 0; i < out.length; i++) {
        out[i] = e.getEigenvector(order[i]).toArray();
      }
      if (out.length < k) {
        double[][] padded = java.util.Arrays.copyOf(out, k);
        for (int i = out.length; i < k; i++) {
          padded[i] = new double[d];
        }
        return padded;
      }
      return out;
    }
  }

  public static double correlation(double[] a, double[] b) {
    double ma = java.util.Arrays.stream(a).average().orElse(0);
    double mb = java.util.Arrays.stream(b).average().orElse(0);
    double num = 0;
    double da = 0;
    double db = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - ma) * (b[i] - mb);
      da += (a[i] - ma) * (a[i] - ma);
      db += (b[i] - mb) * (b[i] - mb);
    }
    return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
