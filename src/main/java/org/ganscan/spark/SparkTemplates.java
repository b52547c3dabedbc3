package org.ganscan.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.GridDbscan;
import org.ganscan.group.TemplateClusters;
import org.ganscan.group.UnionFind;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Template clusters found across the cluster: the same density clustering as {@link
 * TemplateClusters}, by buckets. Each distinct landmark configuration (copies of one photo count
 * once, as on one machine) goes to its grid cell and, as a neighbour, to the 80 cells around it;
 * every neighbour of a face lies in those cells, so each cell's task counts its own faces'
 * neighbours exactly, and, with the core flags, joins the core faces within reach. The driver
 * unites the joins (each component as edges to its first member) and gives each face that is not
 * core the earliest cluster among its core neighbours: DBSCAN's clusters, numbered as {@link
 * GridDbscan} numbers them.
 */
final class SparkTemplates {
  private SparkTemplates() {}

  /** One cluster label per member (by its index in the batch), -1 for none: what {@link TemplateClusters#fromLabels} takes. */
  static int[] labels(JavaRDD<MemberRow> members, int count) {
    GridDbscan dbscan = TemplateClusters.dbscan();
    // Distinct configurations, each named by its first member (the order a single machine numbers them in).
    JavaPairRDD<List<Double>, Long> faces = members.filter(m -> m.landmarks() != null)
        .mapToPair(m -> new Tuple2<>(key(m), m.index()));
    JavaPairRDD<List<Double>, Long> firsts = faces.reduceByKey(Math::min);
    JavaPairRDD<Long, Long> memberToPoint = faces.join(firsts).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()));
    JavaPairRDD<Long, double[]> points = firsts.mapToPair(t -> new Tuple2<>(t._2(), unbox(t._1())));

    // Core flags: each cell counts its own points' neighbours among its and its neighbours' points.
    JavaPairRDD<Long, Boolean> core = points.flatMapToPair(t -> spread(dbscan, t._1(), t._2(), false))
        .groupByKey()
        .flatMapToPair(group -> {
          Cell cell = Cell.of(dbscan, group._1(), group._2());
          boolean[] flags = dbscan.coreAmong(cell.coords(), cell.home());
          List<Tuple2<Long, Boolean>> out = new ArrayList<>();
          for (int i = 0; i < flags.length; i++) {
            if (cell.home()[i]) {
              out.add(new Tuple2<>(cell.ids()[i], flags[i]));
            }
          }
          return out.iterator();
        });

    // Joins: each cell's core points within reach, as edges to each component's first point; and
    // for its own points that are not core, their core neighbours.
    JavaRDD<long[]> links = points.join(core)
        .flatMapToPair(t -> spread(dbscan, t._1(), t._2()._1(), t._2()._2()))
        .groupByKey()
        .flatMap(group -> {
          Cell cell = Cell.of(dbscan, group._1(), group._2());
          long[] ids = cell.ids();
          boolean[] askBorder = new boolean[ids.length];
          for (int i = 0; i < ids.length; i++) {
            askBorder[i] = !cell.flags()[i] && cell.home()[i];
          }
          List<long[]> out = new ArrayList<>();
          for (int[] comp : dbscan.components(cell.coords(), cell.flags())) {
            long first = Arrays.stream(comp).mapToLong(i -> ids[i]).min().orElseThrow();
            for (int i : comp) {
              out.add(new long[] {0, first, ids[i]});
            }
          }
          int[][] near = dbscan.coreNeighbours(cell.coords(), cell.flags(), askBorder);
          for (int i = 0; i < near.length; i++) {
            if (near[i] != null) {
              for (int j : near[i]) {
                out.add(new long[] {1, ids[i], ids[j]});
              }
            }
          }
          return out.iterator();
        });

    List<long[]> collected = links.collect();
    List<Tuple2<Long, Long>> owners = memberToPoint.collect();
    List<Tuple2<Long, Boolean>> flags = core.collect();
    boolean[] isCore = new boolean[count];
    for (Tuple2<Long, Boolean> f : flags) {
      isCore[f._1().intValue()] = f._2();
    }
    UnionFind uf = new UnionFind(count); // keeps each component's smallest id as its root, as one machine numbers clusters
    for (long[] l : collected) {
      if (l[0] == 0) {
        uf.union((int) l[1], (int) l[2]);
      }
    }
    int[] labelOfPoint = new int[count];
    Arrays.fill(labelOfPoint, -1);
    for (int i = 0; i < count; i++) {
      if (isCore[i]) {
        labelOfPoint[i] = uf.find(i);
      }
    }
    for (long[] l : collected) {
      if (l[0] == 1) {
        int border = (int) l[1];
        int root = uf.find((int) l[2]);
        if (labelOfPoint[border] < 0 || root < labelOfPoint[border]) {
          labelOfPoint[border] = root; // the earliest cluster that reaches it
        }
      }
    }
    int[] labels = new int[count];
    Arrays.fill(labels, -1);
    for (Tuple2<Long, Long> o : owners) {
      labels[o._1().intValue()] = labelOfPoint[o._2().intValue()];
    }
    return labels;
  }

  private static java.util.Iterator<Tuple2<Long, Tuple3<Long, double[], Boolean>>> spread(GridDbscan dbscan, long id, double[] coords, boolean flag) {
    long home = dbscan.cellOf(coords);
    List<Tuple2<Long, Tuple3<Long, double[], Boolean>>> out = new ArrayList<>(81);
    for (long cell : dbscan.neighbourCells(home)) {
      out.add(new Tuple2<>(cell, new Tuple3<>(id, coords, flag)));
    }
    return out.iterator();
  }

  private static List<Double> key(MemberRow m) {
    double[] w = TemplateClusters.weightedLandmarks(FaceLandmarks.of(m.landmarks()));
    return Arrays.stream(w).boxed().toList();
  }

  private static double[] unbox(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * One cell's points as its task sees them: ids, coordinates, the flag they travelled with (core,
   * in the second pass) and whether the cell is their own (the others are neighbours' points).
   */
  private record Cell(long[] ids, double[][] coords, boolean[] flags, boolean[] home) {
    static Cell of(GridDbscan dbscan, long cell, Iterable<Tuple3<Long, double[], Boolean>> points) {
      List<Tuple3<Long, double[], Boolean>> in = new ArrayList<>();
      points.forEach(in::add);
      int n = in.size();
      long[] ids = new long[n];
      double[][] coords = new double[n][];
      boolean[] flags = new boolean[n];
      boolean[] home = new boolean[n];
      for (int i = 0; i < n; i++) {
        ids[i] = in.get(i)._1();
        coords[i] = in.get(i)._2();
        flags[i] = in.get(i)._3();
        home[i] = dbscan.cellOf(coords[i]) == cell;
      }
      return new Cell(ids, coords, flags, home);
    }
  }
}
