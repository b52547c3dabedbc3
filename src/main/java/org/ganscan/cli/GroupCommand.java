package org.ganscan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganscan.face.FaceModels;
import org.ganscan.group.Group;
import org.ganscan.group.Grouper;
import org.ganscan.group.Member;
import org.ganscan.group.ScanRecords;
import org.ganscan.imaging.RgbImage;
import org.ganscan.imaging.Composite;
import org.ganscan.report.JsonlWriter;
import org.ganscan.report.ResultWriter;
import org.ganscan.scan.InputFiles;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.Scanner;
import picocli.CommandLine.Command;
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
      "Reuses a scan's results (--from) or scans PATHs first. Writes DIR/results.jsonl and",
      "DIR/results.csv (with 'groups'), DIR/groups.json and DIR/composites/*.png."
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

  @Option(names = "--threads", description = "Images scanned in parallel (default: number of CPUs).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    Path composites = Files.createDirectories(outDir.resolve("composites"));
    try (var old = Files.newDirectoryStream(composites, "template-*.png")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    Path scanned = from != null ? from : scan();
    ScanRecords records = ScanRecords.read(scanned);
    List<Member> members = records.members();
    Grouper grouper = new Grouper();
    List<Group> groups = grouper.group(members);
    Map<String, List<String>> byPath = new HashMap<>();
    groups.forEach(g -> g.members().forEach(p -> byPath.computeIfAbsent(p, k -> new ArrayList<>()).add(g.id())));
    records.writeWithGroups(outDir.resolve("results.jsonl"), byPath);
    records.writeCsvWithGroups(outDir.resolve("results.csv"), byPath);
    writeGroups(groups);
    for (Group g : groups) {
      if (g.kind() == Group.Kind.TEMPLATE) {
        writeComposite(g, members, grouper);
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
    ScanSettings settings = Defaults.settings(org.ganscan.image.PortraitDecoder.DEFAULT_PIXEL_LIMIT);
    int workers = Defaults.workers(threads);
    try (FaceModels models = FaceModels.load();
        Scanner scanner = new Scanner(models, settings, workers);
        OutputStream sink = Files.newOutputStream(out);
        ResultWriter writer = new JsonlWriter(sink, Defaults.tool(models, settings))) {
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

  private void writeGroups(List<Group> groups) throws IOException {
    List<Map<String, Object>> json = new ArrayList<>();
    for (Group g : groups) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.id());
      m.put("kind", g.kind().json());
      m.put("members", g.members());
      m.put("evidence", g.evidence());
      m.put("why", g.why());
      json.add(m);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve("groups.json").toFile(), json);
  }

  /** The group's mean stack beside an equal number of the batch's other faces. */
  private void writeComposite(Group g, List<Member> members, Grouper grouper) throws IOException {
    List<RgbImage> in = new ArrayList<>();
    List<RgbImage> control = new ArrayList<>();
    double[] marks = new double[8];
    int n = 0;
    java.util.Set<String> inGroup = java.util.Set.copyOf(g.members());
    for (Member m : members) {
      if (!m.hasFace()) {
        continue;
      }
      boolean member = inGroup.contains(m.path());
      if (member) {
        grouper.pixels(m.path()).ifPresent(in::add);
        for (int k = 0; k < 8; k++) {
          marks[k] += m.landmarks()[k];
        }
        n++;
      } else if (control.size() < g.members().size()) {
        grouper.pixels(m.path()).ifPresent(control::add);
      }
    }
    for (int k = 0; k < 8; k++) {
      marks[k] /= Math.max(1, n);
    }
    List<String> caption = List.of(
        g.id() + ": mean of " + in.size() + " member faces (left) vs " + control.size() + " other faces of the batch (right)",
        g.why(),
        "markers: eyes (blue), nose and mouth (orange); sharp eyes on the left and a blur on the right show a shared template");
    byte[] png = new Composite().figure(in, control, marks, COMPOSITE_SIDE, caption);
    Files.write(outDir.resolve("composites").resolve(g.id() + ".png"), png);
  }

  private static long count(List<Group> groups, Group.Kind kind) {
    return groups.stream().filter(g -> g.kind() == kind).count();
  }
}
