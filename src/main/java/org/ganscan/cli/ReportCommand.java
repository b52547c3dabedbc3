package org.ganscan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ganscan.cache.ResourceCache;
import org.ganscan.group.Group;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageLimits;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.records.GroupsCodec;
import org.ganscan.records.ScanRecord;
import org.ganscan.records.ScanRecords;
import org.ganscan.report.HtmlReport;
import org.ganscan.report.OverlayWriter;
import org.ganscan.scan.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan report RESULTS.jsonl -o report.html}: a page for analysts and report authors, its pictures in a folder beside it. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write an HTML report (pictures in a folder beside it, named after it; no network fetches) from scan results:",
      "summary, score histogram and provenance, a gallery of flagged faces, a paged, sortable and filterable",
      "table, per-image detail with overlays and every trait,",
      "and the groups with their composite figures (--groups groups.json from 'ganscan group').",
      "Overlays come from --overlays DIR (written by 'scan --overlays DIR' or 'group --overlays DIR');",
      "the report never re-runs the scan, and says where an overlay is missing."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RESULTS.jsonl")
  Path results;

  @Option(names = "--groups", paramLabel = "groups.json")
  Path groups;

  @Option(names = "--overlays", paramLabel = "DIR", description = "Overlay folder (default: 'overlays' beside RESULTS.jsonl).")
  Path overlays;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "report.html")
  Path out;

  @Override
  public Integer call() throws Exception {
    ScanRecords.Read read = ScanRecords.read(results);
    read.warnings().forEach(w -> spec.commandLine().getErr().println("ganscan: warning: " + w));
    List<ScanRecord> records = read.records();
    Path overlayDir = overlays != null ? overlays : results.toAbsolutePath().resolveSibling("overlays");
    PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();
    Encoder encoder = new Encoder();
    // Pictures go to a folder beside the page, named after it, so the page itself stays small.
    String stem = out.getFileName().toString().replaceFirst("\\.html?$", "");
    String folder = stem + "_files";
    Path files = out.toAbsolutePath().resolveSibling(folder);
    deleteTree(files);
    Files.createDirectories(files.resolve("thumbs"));
    Files.createDirectories(files.resolve("overlays"));
    Files.createDirectories(files.resolve("composites"));
    List<HtmlReport.Row> rows = new ArrayList<>();
    List<String> unopened = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ScanRecord r = records.get(i);
      String overlay = null;
      Optional<byte[]> o = overlay(r, overlayDir).map(bytes -> compact(bytes, decoder, encoder));
      if (o.isPresent()) {
        String name = "overlays/" + i + (isJpeg(o.get()) ? ".jpg" : ".png");
        Files.write(files.resolve(name), o.get());
        overlay = folder + "/" + name;
      }
      String thumbnail = null;
      Optional<byte[]> t = thumbnail(r, decoder, encoder);
      if (t.isPresent()) {
        Files.write(files.resolve("thumbs/" + i + ".jpg"), t.get());
        thumbnail = folder + "/thumbs/" + i + ".jpg";
      } else if (r.status() != ScanResult.Status.ERROR) {
        unopened.add(r.path());
      }
      String missing = overlay != null || r.status() != ScanResult.Status.OK
          ? null : "no overlay in " + overlayDir + " (run 'ganscan scan --overlays DIR' and pass --overlays DIR)";
      rows.add(new HtmlReport.Row(r, thumbnail, overlay, missing));
    }
    if (!unopened.isEmpty()) {
      spec.commandLine().getErr().printf("ganscan: warning: %d image(s) cannot be opened from here for a thumbnail (their records are in the report): %s%n",
          unopened.size(), String.join(", ", unopened.subList(0, Math.min(5, unopened.size()))) + (unopened.size() > 5 ? ", ..." : ""));
    }
    for (int k = 0; k * HtmlReport.DETAIL_CHUNK < rows.size(); k++) {
      Files.writeString(files.resolve("details-" + k + ".js"), HtmlReport.detailChunk(rows, k), java.nio.charset.StandardCharsets.UTF_8);
    }
    List<HtmlReport.GroupView> views = groupViews(files, folder);
    Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
    try (java.io.Writer w = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
      HtmlReport.render(w, rows, views, folder);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    spec.commandLine().getErr().printf("ganscan: report of %d file(s) written to %s (pictures in %s)%n", rows.size(), out.toAbsolutePath(), files);
    return ExitCodes.OK;
  }

  private static boolean isJpeg(byte[] b) {
    return b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
  }

  /** Removes an earlier report's picture folder (only what a report writes there). */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The record's overlay in {@code dir}, when a non-empty one is there. */
  private static Optional<byte[]> overlay(ScanRecord r, Path dir) {
    if (r.sha256() == null || r.sha256().length() < 12) {
      return Optional.empty();
    }
    Path p = dir.resolve(OverlayWriter.fileName(r.path(), r.sha256()));
    try {
      return Files.isRegularFile(p) && Files.size(p) > 0 ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Overlays are embedded at most 900 px wide as JPEG so the page stays small; the PNG files keep full size. */
  private static byte[] compact(byte[] png, PortraitDecoder decoder, Encoder encoder) {
    try {
      var image = decoder.decode(new EncodedFile(Path.of("overlay.png"), png, ResourceCache.sha256(png))).image();
      return image.longestSide() <= 900 ? png : encoder.jpeg(encoder.fitWithin(image, 900), 88);
    } catch (Exception e) {
      return png;
    }
  }

  private static Optional<byte[]> thumbnail(ScanRecord r, PortraitDecoder decoder, Encoder encoder) {
    return ImageLimits.DEFAULT.pixelsOf(r.location()).map(image -> encoder.jpeg(encoder.fitWithin(image, 128), 80));
  }

  private List<HtmlReport.GroupView> groupViews(Path files, String folder) throws IOException {
    List<HtmlReport.GroupView> out = new ArrayList<>();
    if (groups == null) {
      return out;
    }
    Path composites = groups.toAbsolutePath().resolveSibling("composites");
    for (Group g : GroupsCodec.read(groups)) {
      Path png = composites.resolve(g.id() + ".png");
      String shown = null;
      if (Files.isRegularFile(png) && g.id().matches("[A-Za-z0-9_-]+")) {
        Files.copy(png, files.resolve("composites/" + g.id() + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        shown = folder + "/composites/" + g.id() + ".png";
      }
      out.add(new HtmlReport.GroupView(g, shown));
    }
    return out;
  }
}
