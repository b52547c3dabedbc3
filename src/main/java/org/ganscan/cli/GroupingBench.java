package org.ganscan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.Member;
import org.ganscan.group.ReuseFinder;
import org.ganscan.group.TemplateClusters;

/** Times grouping on seeded synthetic batches: 5 % of faces on the StyleGAN template, the rest scattered. */
final class GroupingBench {
  private GroupingBench() {}

  static void run(PrintWriter out) {
    out.printf("%-22s %8s %10s %12s%n", "stage", "records", "ms", "groups");
    for (int n : new int[] {1_000, 2_500, 5_000, 10_000}) {
      List<Member> members = landmarks(n, new Random(7));
      new TemplateClusters().find(members.subList(0, Math.min(200, n)));
      long t = System.nanoTime();
      int groups = new TemplateClusters().find(members).size();
      out.printf("%-22s %8d %10.1f %12d%n", "template clustering", n, (System.nanoTime() - t) / 1e6, groups);
      out.flush();
    }
    for (int n : new int[] {250, 500, 1_000}) {
      List<Fingerprint> prints = hashes(n, new Random(11));
      long t = System.nanoTime();
      int pairs = new ReuseFinder().pairs(prints).size();
      out.printf("%-22s %8d %10.1f %12d%n", "reuse matching (pairs)", n, (System.nanoTime() - t) / 1e6, pairs);
      out.flush();
    }
  }

  private static List<Member> landmarks(int n, Random r) {
    double[] template = {0.375, 0.474, 0.625, 0.474, 0.5, 0.6, 0.5, 0.72, 0.28, 0.55, 0.72, 0.55};
    List<Member> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean gan = i % 20 == 0;
      double dx = gan ? 0 : r.nextGaussian() * 0.15;
      double dy = gan ? 0 : r.nextGaussian() * 0.15;
      double scale = gan ? 1 : 0.6 + 0.8 * r.nextDouble();
      double[] l = new double[12];
      for (int k = 0; k < 12; k++) {
        double centre = 0.5 + (template[k] - 0.5) * scale + (k % 2 == 0 ? dx : dy);
        l[k] = centre + r.nextGaussian() * (k < 4 ? 0.008 : 0.03);
      }
      out.add(new Member("synthetic/" + i + ".jpg", null, 400, 400, FaceLandmarks.of(l), null));
    }
    return out;
  }

  private static List<Fingerprint> hashes(int n, Random r) {
    List<Fingerprint> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Fingerprint(new long[] {r.nextLong(), r.nextLong()}, new long[] {r.nextLong(), r.nextLong()},
          20, 0.25, null, new long[] {r.nextLong(), r.nextLong()}));
    }
    return out;
  }
}
