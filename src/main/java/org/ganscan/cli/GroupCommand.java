package org.ganscan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.fingerprint.Fingerprinter;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.Group;
import org.ganscan.group.Grouper;
import org.ganscan.group.Member;
import org.ganscan.image.ImageLimits;
import org.ganscan.imaging.Composite;
import org.ganscan.imaging.RgbImage;
import org.ganscan.records.GroupsCodec;
import org.ganscan.records.ScanRecord;
import org.ganscan.records.ScanRecords;
import org.ganscan.report.JsonlWriter;
import org.ganscan.report.OverlayWriter;
import org.ganscan.report.ResultWriter;
import org.ganscan.scan.InputFiles;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.Scanner;
import org.ganscan.scan.StandardScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan group}: shared templates, reused photos and shared traces across a batch. */
@Command(
    name = "group",
    mixinStandardHelpOptions = true,
    description = {
      "Group a batch by what its images share: landmark templates (with a composite figure each),",
      "reused photos (mirrored, cropped, grey, re-compressed) and noise-spectrum traces.",
      "Reuses a scan's results (--from) or scans PATHs first (with --overlays DIR, drawing overlays as it goes).",
      "Writes DIR/results.jsonl and DIR/results.csv (with 'groups'), DIR/groups.json and DIR/composites/*.png."
    })
final class GroupCommand implements Callable<Integer> {
  private static final int COMPOSITE_SIDE = 256;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Images or folders to scan first (unless --from).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--from", paramLabel = "RESULTS.jsonl", description = "Group an earlier scan's results instead of scanning.")
  Path from;

  @Option(names = "--out-dir", required = true, paramLabel = "DIR")
  Path outDir;

  @Mixin ThreadsOption threads;

  @Option(names = "--overlays", paramLabel = "DIR", description = "When scanning PATHs: also write an overlay PNG per image with a face into DIR.")
  Path overlays;

  @Override
  public Integer call() throws Exception {
    Path composites = Files.createDirectories(outDir.resolve("composites"));
    try (var old = Files.newDirectoryStream(composites, "template-*.png")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    Path scanned = from != null ? from : scan();
    ScanRecords.Read read = ScanRecords.read(scanned);
    read.warnings().forEach(w -> spec.commandLine().getErr().println("ganscan: warning: " + w));
    List<ScanRecord> records = read.records();
    records.forEach(r -> locations.put(r.path(), r.location()));
    Fingerprinter fingerprinter = new Fingerprinter();
    List<Member> members = new ArrayList<>();
    for (ScanRecord r : records) {
      Member m = ScanRecords.member(r);
      // Records of version 1 carry no fingerprint: only those images are decoded again.
      members.add(m.fingerprint() != null || r.status() == ScanResult.Status.ERROR ? m
          : pixels(m.path()).map(img -> m.withFingerprint(print(fingerprinter, img, m))).orElse(m));
    }
    List<Group> groups = new Grouper().group(members);
    Map<String, List<String>> byPath = new HashMap<>();
    groups.forEach(g -> g.members().forEach(p -> byPath.computeIfAbsent(p, k -> new ArrayList<>()).add(g.id())));
    ScanRecords.writeJsonl(outDir.resolve("results.jsonl"), records, byPath);
    ScanRecords.writeCsv(outDir.resolve("results.csv"), records, byPath);
    GroupsCodec.write(outDir.resolve("groups.json"), groups);
    for (Group g : groups) {
      if (g.kind() == Group.Kind.TEMPLATE) {
        writeComposite(g, members);
      }
    }
    spec.commandLine().getErr().printf("ganscan: %d image(s), %d group(s) (%d template, %d reuse, %d trace); results in %s%n",
        members.size(), groups.size(), count(groups, Group.Kind.TEMPLATE), count(groups, Group.Kind.REUSE), count(groups, Group.Kind.TRACE),
        outDir.toAbsolutePath());
    return ExitCodes.OK;
  }

  private Path scan() throws IOException {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give PATHs to scan or --from RESULTS.jsonl");
    }
    Path out = outDir.resolve("scan.jsonl");
    // Grouping reads landmarks and fingerprints, which the cascade never skips.
    try (StandardScan scan = StandardScan.open(StandardScan.settings(ImageLimits.DEFAULT).withCascade(true), true);
        Scanner scanner = overlays == null ? scan.scanner(threads.workers()) : scan.scanner(threads.workers(), new OverlayWriter(overlays));
        OutputStream sink = Files.newOutputStream(out);
        ResultWriter writer = new JsonlWriter(sink, scan.tool())) {
      scanner.scan(InputFiles.expand(paths), r -> {
        try {
          writer.write(r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot write " + out, e);
        }
      });
    }
    return out;
  }

  /** Where each record's image opens from here (its uri, else its path), by the path it shows. */
  private final Map<String, Path> locations = new HashMap<>();

  private Optional<RgbImage> pixels(String path) {
    return ImageLimits.DEFAULT.pixelsOf(locations.getOrDefault(path, Path.of(path)));
  }

  private static Fingerprint print(Fingerprinter fingerprinter, RgbImage img, Member m) {
    FaceLandmarks l = m.landmarks();
    return l == null ? fingerprinter.of(img, null, null)
        : fingerprinter.of(img, l.rightEye().toPixels(img.width(), img.height()), l.leftEye().toPixels(img.width(), img.height()));
  }

  /** At most this many faces go into each side of a composite (a group of thousands would not fit in memory, and adds nothing to the picture). */
  static final int MAX_STACK = 64;

  /**
   * The group's mean stack beside an equal number of the batch's other faces. The figure needs the
   * members' pixels, so this (and only this) decodes them.
   */
  private void writeComposite(Group g, List<Member> members) throws IOException {
    List<RgbImage> in = new ArrayList<>();
    List<RgbImage> control = new ArrayList<>();
    double[] marks = new double[8];
    int n = 0;
    int marked = 0;
    java.util.Set<String> inGroup = java.util.Set.copyOf(g.members());
    for (Member m : members) {
      if (!m.hasFace()) {
        continue;
      }
      boolean member = inGroup.contains(m.path());
      if (member) {
        n++;
        if (in.size() >= MAX_STACK) {
          continue; // the mean of the first MAX_STACK members shows the template as well; all of them are listed
        }
        pixels(m.path()).ifPresentOrElse(in::add, () -> spec.commandLine().getErr()
            .println("ganscan: warning: " + m.path() + " cannot be opened from here for the composite of " + g.id() + " (its group stands)"));
        List<NormalizedPoint> p = m.landmarks().points();
        for (int k = 0; k < 4; k++) {
          marks[2 * k] += p.get(k).u();
          marks[2 * k + 1] += p.get(k).v();
        }
        marked++;
      } else if (control.size() < Math.min(MAX_STACK, g.members().size())) {
        pixels(m.path()).ifPresent(control::add);
      }
    }
    for (int k = 0; k < 8; k++) {
      marks[k] /= Math.max(1, marked);
    }
    List<String> caption = List.of(
        g.id() + ": mean of " + (n > MAX_STACK ? in.size() + " of its " + n : String.valueOf(in.size())) + " member faces (left) vs "
            + control.size() + " other faces of the batch (right)",
        g.why(),
        "markers: eyes (blue), nose and mouth (orange); sharp eyes on the left and a blur on the right show a shared template");
    byte[] png = new Composite().figure(in, control, marks, COMPOSITE_SIDE, caption);
    Files.write(outDir.resolve("composites").resolve(g.id() + ".png"), png);
  }

  private static long count(List<Group> groups, Group.Kind kind) {
    return groups.stream().filter(g -> g.kind() == kind).count();
  }
}
