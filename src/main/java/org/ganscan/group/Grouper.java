package org.ganscan.group;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.RgbImage;

/** Groups a batch three ways: shared templates, reused photos, shared traces. */
public final class Grouper {
  private final PortraitDecoder decoder = new PortraitDecoder(PortraitDecoder.DEFAULT_PIXEL_LIMIT);
  private final Fingerprinter fingerprinter = new Fingerprinter();

  /** The groups, templates first, then reuse, then traces. */
  public List<Group> group(List<Member> members) {
    List<Group> out = new ArrayList<>(new TemplateClusters().find(members));
    List<Fingerprint> prints = new ArrayList<>();
    List<Member> printed = new ArrayList<>();
    for (Member m : members) {
      pixels(m.path()).ifPresent(img -> {
        prints.add(fingerprinter.of(img, m));
        printed.add(m);
      });
    }
    ReuseFinder reuse = new ReuseFinder();
    List<Group> reused = reuse.groups(printed, reuse.pairs(prints));
    out.addAll(reused);
    Set<String> inReuse = new HashSet<>();
    reused.forEach(g -> inReuse.addAll(g.members()));
    out.addAll(new TraceFinder().groups(printed, prints, inReuse));
    return out;
  }

  /** The image's pixels, or empty when it cannot be read (its scan record already says why). */
  public Optional<RgbImage> pixels(String path) {
    try {
      return Optional.of(decoder.decode(EncodedFile.read(Path.of(path), 1L << 30)).image());
    } catch (ImageException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
