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
    List<Group> out = new ArrayList<>(new TemplateClusters().find(members));
    List<Fingerprint> prints = new ArrayList<>();
    List<Member> printed = new ArrayList<>();
    for (Member m : members) {
      if (m.fingerprint() != null) {
        prints.add(m.fingerprint());
        printed.add(m);
      }
    }
    ReuseFinder reuse = new ReuseFinder();
    List<Group> reused = reuse.groups(printed, reuse.pairs(prints));
    out.addAll(reused);
    Set<String> inReuse = new HashSet<>();
    reused.forEach(g -> inReuse.addAll(g.members()));
    out.addAll(new TraceFinder().groups(printed, prints, inReuse));
    return out;
  }
}
