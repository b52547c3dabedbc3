package org.ganscan.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.ganscan.group.TraceFinder;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The trace pair search across the cluster, on the grid the driver's sums give ({@link
 * TraceFinder.Grid}): each image's standardised spectrum goes to its cell and, as a neighbour, to
 * the 26 around it; each cell's task correlates its own images with every image there, so each
 * pair at or above the cut is found once, from the cell of its first image.
 */
final class SparkTraces {
  private SparkTraces() {}

  /**
   * @param positionOf each member's position in the search (by batch index), -1 for those that take no part
   * @return the pairs at or above the cut, as {@link TraceFinder#groups(TraceFinder.Search, long[])} takes them
   */
  static long[] pairs(JavaSparkContext jsc, JavaRDD<MemberRow> members, int[] positionOf, TraceFinder.Grid grid, double cut) {
    Broadcast<int[]> positions = jsc.broadcast(positionOf);
    List<Long> found = members.filter(m -> m.spectrum() != null && positions.value()[(int) m.index()] >= 0)
        .flatMapToPair(m -> {
          long position = positions.value()[(int) m.index()];
          double[] z = TraceFinder.standardised(m.spectrum());
          long home = grid.cellOf(z);
          List<Tuple2<Long, Tuple3<Long, double[], Long>>> out = new ArrayList<>(27);
          for (long cell : grid.neighbourCells(home)) {
            out.add(new Tuple2<>(cell, new Tuple3<>(position, m.spectrum(), home)));
          }
          return out.iterator();
        })
        .groupByKey()
        .flatMap(cell -> {
          List<Tuple3<Long, double[], Long>> in = new ArrayList<>();
          cell._2().forEach(in::add);
          List<Long> out = new ArrayList<>();
          for (Tuple3<Long, double[], Long> a : in) {
            if (a._3() != cell._1().longValue()) {
              continue; // each pair from the cell of its first image only
            }
            for (Tuple3<Long, double[], Long> b : in) {
              if (b._1() > a._1() && TraceFinder.correlation(a._2(), b._2()) >= cut) {
                out.add(a._1() << 32 | b._1());
              }
            }
          }
          return out.iterator();
        })
        .collect();
    return found.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
