package org.ganscan.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.Grouper;
import org.ganscan.group.Member;

/**
 * Times grouping on batches made by jittering real scan records: each synthetic member takes a
 * real record's landmarks (moved by 0.4 % of the frame, the scatter of StyleGAN's own crop) and
 * spectrum (with noise), and new perceptual hashes whose every bit is drawn with that bit's
 * frequency among the real records' hashes of the same kind (so the hashes keep the real ones' bias,
 * which is what makes band buckets uneven, without being copies of a few hundred photos); one member
 * in a hundred is a re-compressed copy of an earlier one (hashes within 3 bits). Prints time and
 * peak heap per batch size and the growth exponent between sizes.
 */
final class GroupingBench {
  private GroupingBench() {}

  static void run(PrintWriter out, List<Member> seeds, List<Integer> sizes) {
    List<Member> usable = seeds.stream().filter(m -> m.fingerprint() != null).toList();
    if (usable.isEmpty()) {
      throw new IllegalArgumentException("the records hold no fingerprints to jitter");
    }
    long faces = usable.stream().filter(Member::hasFace).count();
    out.printf("ganscan bench --grouping: batches jittered from %d real records (%d with a face); max heap %.1f GB%n",
        usable.size(), faces, Runtime.getRuntime().maxMemory() / 1e9);
    out.printf("%10s %10s %10s %10s %10s %12s %10s %8s%n", "records", "template", "reuse", "trace", "total s", "peak heap MB", "groups", "growth");
    out.flush();
    // A warm-up so the first row does not carry the JIT.
    new Grouper().group(jitter(usable, 2_000, new Random(1)));
    double lastN = 0;
    double lastT = 0;
    for (int n : sizes) {
      List<Member> members = jitter(usable, n, new Random(n));
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      Grouper.Timed timed = new Grouper().groupTimed(members);
      double total = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      String growth = lastN > 0 ? String.format(java.util.Locale.ROOT, "%.2f", Math.log(total / lastT) / Math.log(n / lastN)) : "-";
      out.printf(java.util.Locale.ROOT, "%10d %10.2f %10.2f %10.2f %10.2f %12.0f %10d %8s%n", n, timed.templateSeconds(), timed.reuseSeconds(),
          timed.traceSeconds(), total, peak / 1e6, timed.groups().size(), growth);
      out.flush();
      lastN = n;
      lastT = total;
    }
    out.println("growth: the exponent k in time ~ records^k between a row and the one above it (1 is linear). Peak heap includes the batch itself.");
    out.flush();
  }

  static List<Member> jitter(List<Member> seeds, int n, Random r) {
    double[][] bias = new double[6][64];
    int[] counts = new int[6];
    for (Member m : seeds) {
      Fingerprint f = m.fingerprint();
      long[] h = {f.wholeHash(0), f.wholeHash(1), f.centreHash(0), f.centreHash(1), f.hasFace() ? f.faceHash(0) : 0, f.hasFace() ? f.faceHash(1) : 0};
      for (int kind = 0; kind < 6; kind++) {
        if (kind < 4 || f.hasFace()) {
          counts[kind]++;
          for (int k = 0; k < 64; k++) {
            bias[kind][k] += (h[kind] >>> k) & 1;
          }
        }
      }
    }
    for (int kind = 0; kind < 6; kind++) {
      for (int k = 0; k < 64; k++) {
        bias[kind][k] /= Math.max(1, counts[kind]);
      }
    }
    List<Member> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (i > 10 && r.nextInt(100) == 0) {
        Member m = out.get(r.nextInt(i));
        Fingerprint f = m.fingerprint();
        out.add(new Member("bench/" + i + ".jpg", null, m.width(), m.height(), m.landmarks(),
            new Fingerprint(flip(f.whole(), 3, r), f.hasFace() ? flip(f.face(), 2, r) : null, f.colourfulness(), f.interocular(), f.spectrum(), flip(f.centres(), 3, r))));
        continue;
      }
      Member m = seeds.get(r.nextInt(seeds.size()));
      FaceLandmarks l = null;
      if (m.hasFace()) {
        double[] uv = new double[12];
        var p = m.landmarks().points();
        for (int k = 0; k < 6; k++) {
          uv[2 * k] = p.get(k).u() + r.nextGaussian() * 0.004;
          uv[2 * k + 1] = p.get(k).v() + r.nextGaussian() * 0.004;
        }
        l = FaceLandmarks.of(uv);
      }
      Fingerprint f = m.fingerprint();
      double[] spectrum = f.spectrum();
      if (spectrum != null) {
        for (int b = 0; b < spectrum.length; b++) {
          spectrum[b] += r.nextGaussian() * 0.05;
        }
      }
      out.add(new Member("bench/" + i + ".jpg", null, m.width(), m.height(), l,
          new Fingerprint(draw(bias, 0, r), f.hasFace() ? draw(bias, 4, r) : null, f.colourfulness(), f.interocular(), spectrum, draw(bias, 2, r))));
    }
    return out;
  }

  /** Two hashes (kinds {@code kind} and {@code kind + 1}), each bit drawn with its frequency. */
  private static long[] draw(double[][] bias, int kind, Random r) {
    long[] out = new long[2];
    for (int h = 0; h < 2; h++) {
      for (int k = 0; k < 64; k++) {
        if (r.nextDouble() < bias[kind + h][k]) {
          out[h] |= 1L << k;
        }
      }
    }
    return out;
  }

  private static long[] flip(long[] hashes, int bits, Random r) {
    long[] out = hashes.clone();
    for (int h = 0; h < out.length; h++) {
      for (int k = 0; k < bits; k++) {
        out[h] ^= 1L << r.nextInt(64);
      }
    }
    return out;
  }
}
