package org.ganscan.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.GridDbscan;
import org.ganscan.group.TemplateClusters;
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
        .flatMapToPair(cell -> {
          List<Tuple3<Long, double[], Boolean>> in = new ArrayList<>();
          cell._2().forEach(in::add);
          double[][] coords = in.stream().map(Tuple3::_2).toArray(double[][]::new);
          boolean[] home = new boolean[in.size()];
          for (int i = 0; i < home.length; i++) {
            home[i] = dbscan.cellOf(coords[i]) == cell._1();
          }
          boolean[] flags = dbscan.coreAmong(coords, home);
          List<Tuple2<Long, Boolean>> out = new ArrayList<>();
          for (int i = 0; i < home.length; i++) {
            if (home[i]) {
              out.add(new Tuple2<>(in.get(i)._1(), flags[i]));
            }
          }
          return out.iterator();
        });

    // Joins: each cell's core points within reach, as edges to each component's first point; and
    // for its own points that are not core, their core neighbours.
    JavaRDD<long[]> links = points.join(core)
        .flatMapToPair(t -> spread(dbscan, t._1(), t._2()._1(), t._2()._2()))
        .groupByKey()
        .flatMap(cell -> {
          List<Tuple3<Long, double[], Boolean>> in = new ArrayList<>();
          cell._2().forEach(in::add);
          double[][] coords = in.stream().map(Tuple3::_2).toArray(double[][]::new);
          boolean[] isCore = new boolean[in.size()];
          boolean[] askBorder = new boolean[in.size()];
          long self = cell._1();
          for (int i = 0; i < isCore.length; i++) {
            isCore[i] = in.get(i)._3();
            askBorder[i] = !isCore[i] && dbscan.cellOf(coords[i]) == self;
          }
          List<long[]> out = new ArrayList<>();
          for (int[] comp : dbscan.components(coords, isCore)) {
            long first = Arrays.stream(comp).mapToLong(i -> in.get(i)._1()).min().orElseThrow();
            for (int i : comp) {
              out.add(new long[] {0, first, in.get(i)._1()});
            }
          }
          int[][] near = dbscan.coreNeighbours(coords, isCore, askBorder);
          for (int i = 0; i < near.length; i++) {
            if (near[i] != null) {
              for (int j : near[i]) {
                out.add(new long[] {1, in.get(i)._1(), in.get(j)._1()});
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
    int[] parent = new int[count];
    for (int i = 0; i < count; i++) {
      parent[i] = i;
    }
    for (long[] l : collected) {
      if (l[0] == 0) {
        union(parent, (int) l[1], (int) l[2]);
      }
    }
    int[] labelOfPoint = new int[count];
    Arrays.fill(labelOfPoint, -1);
    for (int i = 0; i < count; i++) {
      if (isCore[i]) {
        labelOfPoint[i] = find(parent, i);
      }
    }
    for (long[] l : collected) {
      if (l[0] == 1) {
        int border = (int) l[1];
        int root = find(parent, (int) l[2]);
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

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
