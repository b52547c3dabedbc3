package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ganscan.Samples;
import org.ganscan.report.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Files and faults an adversary or an unlucky user brings (../shared/research/hostile-inputs.md):
 * each gets its own record and the batch goes on, or the run stops with the documented exit code
 * and a message that says why.
 */
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exit, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return new Run(cl.execute(args), err.toString());
  }

  private static List<JsonNode> records(Path jsonl) throws IOException {
    return Files.readAllLines(jsonl).stream().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  private static JsonNode named(List<JsonNode> records, String file) {
    return records.stream().filter(r -> r.get("path").asText().endsWith("/" + file)).findFirst().orElseThrow(() -> new AssertionError(file + " has no record"));
  }

  @Test
  void aFileNamedTwiceOrInsideAFolderAlsoNamedGetsOneRecordWhileALinkToItKeepsItsOwn(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.copy(Samples.gan().get(0), batch.resolve("a.png"));
    Files.writeString(batch.resolve("b.txt"), "not an image");
    Path link = Files.createSymbolicLink(dir.resolve("link.png"), batch.resolve("a.png"));
    Path out = dir.resolve("r.jsonl");
    Run run = run("scan", batch.toString(), batch.resolve("a.png").toString(),
        batch.resolve("../batch/./a.png").toString(), link.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, run.exit(), run.err());
    List<String> paths = records(out).stream().map(r -> r.get("path").asText()).toList();
    assertEquals(List.of(batch.resolve("a.png").toString(), batch.resolve("b.txt").toString(), link.toString()), paths);
  }

  @Test
  void aFifoAndASymlinkToADeviceGetARecordEachAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.copy(Samples.gan().get(0), batch.resolve("a_gan.png"));
    Process mkfifo = new ProcessBuilder("mkfifo", batch.resolve("b.jpg").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Files.createSymbolicLink(batch.resolve("c.jpg"), Path.of("/dev/zero"));
    Files.copy(Samples.real().get(5), batch.resolve("d_real.jpg"));
    Path out = dir.resolve("r.jsonl");
    Run r = run("scan", batch.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> recs = records(out);
    assertEquals(4, recs.size(), "one record per input");
    for (String f : List.of("b.jpg", "c.jpg")) {
      JsonNode rec = named(recs, f);
      assertEquals("error", rec.get("status").asText(), rec.toString());
      assertTrue(rec.get("error").asText().contains("not a regular file"), rec.toString());
    }
    assertEquals("ok", named(recs, "d_real.jpg").get("status").asText(), "the file after them is scanned");
  }

  @Test
  void aHugeFileThatIsNoImageIsRefusedFromItsFirstBytesInBoundedMemory(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.png");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(1L << 30); // 1 GiB of zeros, sparse on disk: exactly the file limit
    }
    Path out = dir.resolve("r.jsonl");
    Run r = run("scan", big.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    JsonNode rec = records(out).get(0);
    assertEquals("error", rec.get("status").asText());
    assertTrue(rec.get("error").asText().startsWith("not an image"), rec.toString());
    assertEquals(64, rec.get("sha256").asText().length(), "the file is still identified by its sha256");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAreNeutralisedAndReadBack(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    List<String> hostile = List.of("=HYPERLINK(\"x\").jpg", "+1+1.jpg", "-2.jpg", "@SUM(A1).jpg");
    for (String name : hostile) {
      Files.copy(Samples.real().get(5), batch.resolve(name));
    }
    Path out = dir.resolve("r.csv");
    Run r = run("scan", batch.toString(), "--format", "csv", "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    String csv = Files.readString(out);
    // Read as a spreadsheet does: no text cell may begin with a formula character.
    for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(csv))) {
      for (String column : List.of("path", "error", "reasons", "format", "tool_version")) {
        String cell = row.get(column);
        assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, column + " cell runs in a spreadsheet: " + cell);
      }
    }
    List<String> paths = org.ganscan.records.ScanCsv.read(new StringReader(csv)).stream().map(s -> Path.of(s.path()).getFileName().toString()).sorted().toList();
    assertEquals(hostile.stream().sorted().toList(), paths, "the reader gives the paths back as they are");
  }

  @Test
  void aSecondScanToTheSameOutputFailsAtOnceNamingTheHolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.jsonl");
    Files.writeString(out, "records of the first scan\n");
    try (OutputLock first = OutputLock.acquire(out)) {
      Run r = run("scan", Samples.gan().get(0).toString(), "--out", out.toString(), "--quiet");
      assertEquals(3, r.exit(), r.err());
      assertTrue(r.err().contains("being written by another ganscan (process " + ProcessHandle.current().pid()), r.err());
      assertEquals("records of the first scan\n", Files.readString(out), "the first scan's output is untouched");
    }
  }

  @Test
  void reportAndGroupReadAFileWhoseLastLineACrashCutShort(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.jsonl");
    assertEquals(0, run("scan", Samples.gan().get(0).toString(), Samples.real().get(5).toString(),
        "--out", out.toString(), "--quiet").exit());
    String whole = Files.readString(out);
    Files.writeString(out, whole.substring(0, whole.length() - 200)); // the second record loses its end and its newline
    Run report = run("report", out.toString(), "-o", dir.resolve("report.html").toString());
    assertEquals(0, report.exit(), report.err());
    assertTrue(report.err().contains("cut short") && report.err().contains("skipped"), report.err());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("stylegan2_1.png"));
    Run group = run("group", "--from", out.toString(), "--out-dir", dir.resolve("groups").toString());
    assertEquals(0, group.exit(), group.err());
    assertEquals(1, Files.readAllLines(dir.resolve("groups").resolve("results.jsonl")).size());
  }

  @Test
  void invalidOptionValuesExitTwo() {
    String file = Samples.gan().get(0).toString();
    for (String[] args : List.of(new String[] {"scan", file, "--threads", "0"}, new String[] {"scan", file, "--max-megapixels", "0"},
        new String[] {"scan", file, "--max-megapixels", "-5"}, new String[] {"bench", file, "--threads", "0"})) {
      Run r = run(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
    }
  }

  @Test
  void fatalMessagesKeepTheOperatingSystemsReason() {
    String said = Main.describe(new UncheckedIOException("cannot write results to r.jsonl", new IOException("No space left on device")));
    assertEquals("cannot write results to r.jsonl: No space left on device", said);
    assertEquals("worker failed: x: y", Main.describe(new IllegalStateException("worker failed: x", new RuntimeException("y", new RuntimeException("x")))));
  }

  @Test
  void groupFromRecordsWithPathsThatDoNotOpenFromHereStillGroups(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Path original = batch.resolve("a.png");
    Files.copy(Samples.gan().get(0), original);
    var image = ImageLimitsHolder.decode(original);
    Files.write(batch.resolve("b_mirror.png"), new org.ganscan.imaging.Encoder().png(org.ganscan.imaging.Transforms.mirror(image)));
    Path out = dir.resolve("r.jsonl");
    assertEquals(0, run("scan", batch.toString(), "--out", out.toString(), "--quiet").exit());
    // As if scanned with relative paths from another folder: none of them opens from here.
    Path moved = dir.resolve("moved.jsonl");
    Files.writeString(moved, Files.readString(out).replace(batch.toString() + "/", "elsewhere/batch/"));
    Run r = run("group", "--from", moved.toString(), "--out-dir", dir.resolve("g").toString());
    assertEquals(0, r.exit(), r.err());
    String groups = Files.readString(dir.resolve("g").resolve("groups.json"));
    assertTrue(groups.contains("\"reuse\"") && groups.contains("elsewhere/batch/b_mirror.png"), "grouped from the records' fingerprints: " + groups);
  }

  /** Decoding for test set-up. */
  private static final class ImageLimitsHolder {
    static org.ganscan.imaging.RgbImage decode(Path p) throws Exception {
      return org.ganscan.image.ImageLimits.DEFAULT.decoder().decode(org.ganscan.image.ImageLimits.DEFAULT.read(p)).image();
    }
  }

  @Test
  void aFileThatTakesTooLongGetsAnErrorRecordAndDoesNotHoldBackTheOthers(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    // A legal 99-megapixel PNG (mostly zeros, so small on disk): decoding and analysing it takes seconds.
    Files.write(batch.resolve("b_huge.png"), new org.ganscan.imaging.Encoder().png(new org.ganscan.imaging.RgbImage(10000, 9900, new byte[10000 * 9900 * 3])));
    var small = new org.ganscan.imaging.Encoder().png(new org.ganscan.imaging.RgbImage(16, 16, new byte[16 * 16 * 3]));
    Files.write(batch.resolve("a_small.png"), small);
    Files.write(batch.resolve("c_small.png"), small);
    Path out = dir.resolve("r.jsonl");
    long start = System.nanoTime();
    Run r = run("scan", batch.toString(), "--out", out.toString(), "--file-timeout", "0.5", "--threads", "1", "--quiet");
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> recs = records(out);
    assertEquals(3, recs.size());
    JsonNode huge = named(recs, "b_huge.png");
    assertEquals("error", huge.get("status").asText(), huge.toString());
    assertTrue(huge.get("error").asText().contains("per-file limit of 0.5 s"), huge.toString());
    assertEquals("no_face", named(recs, "c_small.png").get("status").asText(), "the file after it is scanned, by a fresh worker");
    assertTrue((System.nanoTime() - start) / 1e9 < 60, "the run did not wait for the abandoned file");
  }

  @Test
  void threeFourHundredMegapixelImagesWithAOneGigabyteHeapGetRecordsNotAnOutOfMemoryError(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    byte[] png = new org.ganscan.imaging.Encoder().png(new org.ganscan.imaging.RgbImage(20000, 20000, new byte[20000 * 20000 * 3]));
    for (String name : List.of("a.png", "b.png", "c.png")) {
      Files.write(batch.resolve(name), png);
    }
    Files.copy(Samples.gan().get(0), batch.resolve("d_gan.png"));
    Path out = dir.resolve("r.jsonl");
    Path log = dir.resolve("log.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Dai.djl.offline=true",
        "-cp", System.getProperty("java.class.path"), "org.ganscan.cli.Main",
        "scan", batch.toString(), "--out", out.toString(), "--max-megapixels", "500", "--threads", "3", "--quiet")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the scan did not finish");
    assertEquals(0, p.exitValue(), Files.readString(log));
    assertTrue(!Files.readString(log).contains("OutOfMemoryError"), Files.readString(log));
    List<JsonNode> recs = records(out);
    assertEquals(4, recs.size());
    for (String name : List.of("a.png", "b.png", "c.png")) {
      JsonNode rec = named(recs, name);
      assertTrue(rec.get("error").asText().startsWith("image too large for this process's memory: 400.0 megapixels"), rec.toString());
    }
    assertEquals("ok", named(recs, "d_gan.png").get("status").asText());
  }

  @Test
  void aFolderThatCannotBeListedGetsItsOwnRecordAndTheWalkGoesOn(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.copy(Samples.gan().get(0), batch.resolve("a.png"));
    Files.copy(Samples.gan().get(1), batch.resolve("z.png"));
    // A folder no process can list, root included: its absolute path is longer than PATH_MAX (4096
    // bytes), so opening it fails with "File name too long". Made step by step with relative names.
    String level = "d".repeat(250);
    Files.createDirectories(batch.resolve("m"));
    Process p = new ProcessBuilder("bash", "-c", "set -e; cd \"$0\"; for i in $(seq 20); do mkdir " + level + "; cd " + level + "; done; echo x > deep.jpg",
        batch.resolve("m").toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
    try {
      scanAroundAnUnlistableFolder(batch, dir.resolve("r.jsonl"), level);
    } finally {
      // JUnit cannot delete a tree deeper than PATH_MAX; rm walks it by relative names.
      new ProcessBuilder("rm", "-rf", batch.resolve("m").toString()).start().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private void scanAroundAnUnlistableFolder(Path batch, Path out, String level) throws Exception {
    Run r = run("scan", batch.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> records = records(out);
    assertEquals("ok", named(records, "a.png").get("status").asText());
    assertEquals("ok", named(records, "z.png").get("status").asText());
    JsonNode deep = records.stream().filter(n -> n.get("status").asText().equals("error")).findFirst().orElseThrow(() -> new AssertionError(records.toString()));
    assertTrue(deep.get("path").asText().contains(level), deep.toString());
    assertTrue(deep.get("error").asText().contains("File name too long"), deep.toString());
    if (!System.getProperty("user.name").equals("root")) {
      // And a folder without read permission (root reads any folder, so this half runs only for users).
      Path locked = Files.createDirectories(batch.resolve("locked"));
      Files.copy(Samples.gan().get(2), locked.resolve("hidden.png"));
      Files.setPosixFilePermissions(locked, java.util.Set.of());
      try {
        Run again = run("scan", batch.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, again.exit(), again.err());
        JsonNode lockedRecord = named(records(out), "locked");
        assertTrue(lockedRecord.get("error").asText().contains("Permission denied"), lockedRecord.toString());
      } finally {
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  @Test
  void aFailedOverlayWriteLeavesNoPictureTheRecordSaysWhyAndTheReportEmbedsNone(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Path face = Files.copy(Samples.gan().get(0), batch.resolve("face.png"));
    Path other = Files.copy(Samples.gan().get(1), batch.resolve("other.png"));
    Path overlays = Files.createDirectories(dir.resolve("overlays"));
    // The overlay's name is taken by a folder that is not empty: the rename onto it fails, as a full
    // disk or a read-only share would fail the write.
    Path blocker = Files.createDirectories(overlays.resolve(org.ganscan.report.OverlayWriter.fileName(face.toString(), org.ganscan.cache.ResourceCache.sha256(face))));
    Files.writeString(blocker.resolve("keep"), "x");
    Path out = dir.resolve("r.jsonl");
    Run r = run("scan", batch.toString(), "--out", out.toString(), "--overlays", overlays.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> records = records(out);
    JsonNode failed = named(records, "face.png");
    assertEquals("ok", failed.get("status").asText(), "the measurement stands");
    assertTrue(failed.get("overlay_error").asText().startsWith("cannot write overlay for"), failed.toString());
    assertTrue(named(records, "other.png").get("overlay_error") == null);
    try (var files = Files.list(overlays)) {
      List<Path> left = files.filter(Files::isRegularFile).toList();
      assertEquals(1, left.size(), "only the other image's overlay: " + left);
      assertTrue(Files.size(left.get(0)) > 1000);
    }
    Path html = dir.resolve("report.html");
    Run report = run("report", out.toString(), "--overlays", overlays.toString(), "-o", html.toString());
    assertEquals(0, report.exit(), report.err());
    Path pictures = dir.resolve("report_files");
    try (var shown = Files.list(pictures.resolve("overlays"))) {
      assertEquals(1, shown.count(), "only the other image's overlay is in the report");
    }
    String detail = Files.readString(pictures.resolve("details-0.js"));
    assertTrue(detail.contains("\"overlay_error\":\"cannot write overlay for"), "the report says why the first has none");
  }
}
