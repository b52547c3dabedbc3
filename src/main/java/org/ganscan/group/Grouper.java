package org.ganscan.group;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ganscan.fingerprint.Fingerprint;

/**
 * Groups a batch three ways: shared templates, reused photos, shared traces. A pure function of
 * the members: landmarks and fingerprints come from the scan, no image is decoded here.
 */
public final class Grouper {
  /** The groups, templates first, then reuse, then traces; members without a fingerprint take part in templates only. */
  public List<Group> group(List<Member> members) {
    return groupTimed(members).groups();
  }

  /** The groups and how long each kind took (for the benchmark). */
  public record Timed(List<Group> groups, double templateSeconds, double reuseSeconds, double traceSeconds) {}

  /** {@link #group}, timed per kind. */
  public Timed groupTimed(List<Member> members) {
    return groupTimed(members, null, null, null);
  }

  /**
   * The groups, with parts of the work done elsewhere (a distributed job), each null to do it here:
   * {@code templateLabels[i]} is member i's template cluster ({@link TemplateClusters#fromLabels});
   * {@code reuseMatched} holds {@link ReuseFinder#matched}'s keys over the members that have a
   * fingerprint, in their order; {@code traceSearch} takes the batch's {@link TraceFinder.Search}
   * and returns the pairs at or above its cut.
   */
  public List<Group> group(List<Member> members, int[] templateLabels, long[] reuseMatched,
      java.util.function.Function<TraceFinder.Search, long[]> traceSearch) {
    return groupTimed(members, templateLabels, reuseMatched, traceSearch).groups();
  }

  private Timed groupTimed(List<Member> members, int[] templateLabels, long[] reuseMatched,
      java.util.function.Function<TraceFinder.Search, long[]> traceSearch) {
    long t0 = System.nanoTime();
    TemplateClusters templates = new TemplateClusters();
    List<Group> out = new ArrayList<>(templateLabels == null ? templates.find(members) : templates.fromLabels(members, templateLabels));
    long t1 = System.nanoTime();
    List<Fingerprint> prints = new ArrayList<>();
    List<Member> printed = new ArrayList<>();
    for (Member m : members) {
      if (m.fingerprint() != null) {
        prints.add(m.fingerprint());
        printed.add(m);
      }
    }
    ReuseFinder reuse = new ReuseFinder();
    List<Group> reused = reuse.groups(printed, prints, reuseMatched != null ? reuseMatched : reuse.matched(prints));
    out.addAll(reused);
    long t2 = System.nanoTime();
    Set<String> inReuse = new HashSet<>();
    reused.forEach(g -> inReuse.addAll(g.members()));
    TraceFinder traces = new TraceFinder();
    if (traceSearch == null) {
      out.addAll(traces.groups(printed, prints, inReuse));
    } else {
      TraceFinder.Search search = traces.search(printed, prints, inReuse);
      if (search != null) {
        out.addAll(traces.groups(search, search.searchable() ? traceSearch.apply(search) : new long[0]));
      }
    }
    long t3 = System.nanoTime();
    return new Timed(List.copyOf(out), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
  }
}
