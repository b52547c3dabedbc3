package org.ganscan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ganscan.face.FaceModels;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.report.HtmlReport;
import org.ganscan.report.OverlayWriter;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan report RESULTS.jsonl -o report.html}: one self-contained page for analysts and report authors. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML report (images embedded, no network fetches) from scan results:",
      "summary and provenance, a sortable and filterable table, per-image detail with overlays,",
      "and the groups with their composite figures (--groups groups.json from 'ganscan group').",
      "Overlays missing from --overlays DIR are drawn into it (the face models run again for those files)."
    })
final class ReportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RESULTS.jsonl")
  Path results;

  @Option(names = "--groups", paramLabel = "groups.json")
  Path groups;

  @Option(names = "--overlays", paramLabel = "DIR", description = "Overlay folder (default: a folder beside the report).")
  Path overlays;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "report.html")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(results)) {
      if (!line.isBlank()) {
        records.add(JSON.readTree(line));
      }
    }
    Path overlayDir = overlays != null ? overlays : out.toAbsolutePath().resolveSibling(out.getFileName() + "_overlays");
    drawMissingOverlays(records, overlayDir);
    PortraitDecoder decoder = new PortraitDecoder(PortraitDecoder.DEFAULT_PIXEL_LIMIT);
    Encoder encoder = new Encoder();
    List<HtmlReport.Row> rows = new ArrayList<>();
    for (JsonNode r : records) {
      rows.add(new HtmlReport.Row(r, thumbnail(r, decoder, encoder), overlay(r, overlayDir).map(o -> compact(o, decoder, encoder))));
    }
    Files.writeString(out, HtmlReport.render(rows, groupViews()));
    spec.commandLine().getErr().printf("ganscan: report of %d file(s) written to %s%n", rows.size(), out.toAbsolutePath());
    return ExitCodes.OK;
  }

  private void drawMissingOverlays(List<JsonNode> records, Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (JsonNode r : records) {
      if (r.path("status").asText().equals("ok") && overlayPath(r, dir).isEmpty()) {
        missing.add(Path.of(r.path("path").asText()));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Files.createDirectories(dir);
    ScanSettings settings = Defaults.settings(PortraitDecoder.DEFAULT_PIXEL_LIMIT).withEvidence(new OverlayWriter(dir));
    try (FaceModels models = FaceModels.load(); Scanner scanner = new Scanner(models, settings, Defaults.workers(null))) {
      scanner.scan(missing, r -> {});
    }
  }

  /** The record's overlay file in {@code dir}, when it is there. */
  private static Optional<Path> overlayPath(JsonNode r, Path dir) {
    String sha = r.path("sha256").asText("");
    if (sha.length() < 12 || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Path p = dir.resolve(OverlayWriter.fileName(r.path("path").asText(), sha));
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private static Optional<byte[]> overlay(JsonNode r, Path dir) {
    return overlayPath(r, dir).flatMap(p -> {
      try {
        return Optional.of(Files.readAllBytes(p));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** Overlays are embedded at most 900 px wide as JPEG so the page stays small; the PNG files keep full size. */
  private static byte[] compact(byte[] png, PortraitDecoder decoder, Encoder encoder) {
    try {
      var image = decoder.decode(new EncodedFile(Path.of("overlay.png"), png, org.ganscan.cache.ResourceCache.sha256(png))).image();
      return image.longestSide() <= 900 ? png : encoder.jpeg(encoder.fitWithin(image, 900), 88);
    } catch (Exception e) {
      return png;
    }
  }

  private static Optional<byte[]> thumbnail(JsonNode r, PortraitDecoder decoder, Encoder encoder) {
    try {
      var image = decoder.decode(EncodedFile.read(Path.of(r.path("path").asText()), 1L << 30)).image();
      return Optional.of(encoder.jpeg(encoder.fitWithin(image, 128), 80));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private List<HtmlReport.GroupView> groupViews() throws IOException {
    List<HtmlReport.GroupView> out = new ArrayList<>();
    if (groups == null) {
      return out;
    }
    Path composites = groups.toAbsolutePath().resolveSibling("composites");
    for (JsonNode g : JSON.readTree(groups.toFile())) {
      Path png = composites.resolve(g.path("id").asText() + ".png");
      out.add(new HtmlReport.GroupView(g, Files.isRegularFile(png) ? Optional.of(Files.readAllBytes(png)) : Optional.empty()));
    }
    return out;
  }
}
