package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ganscan.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The scan command end to end on a folder mixing good, corrupt and empty files. */
class ScanCommandTest {
  @TempDir static Path batch;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void makeBatch() throws Exception {
    Files.copy(Samples.gan().get(0), batch.resolve("a_gan.png"));
    // A WebP named .jpg: ganscan goes by content. Made here from a real sample, 640 px on its longest side.
    org.ganscan.imaging.Encoder encoder = new org.ganscan.imaging.Encoder();
    org.ganscan.image.ImageLimits limits = org.ganscan.image.ImageLimits.DEFAULT;
    Files.write(batch.resolve("b_webp_named.jpg"),
        encoder.webp(encoder.fitWithin(limits.decoder().decode(limits.read(Samples.real().get(5))).image(), 640), 90));
    Files.createDirectories(batch.resolve("sub"));
    Files.write(batch.resolve("sub/c_noface.jpg"), org.ganscan.TestImages.jpeg());
    byte[] jpeg = Files.readAllBytes(Samples.real().get(0));
    Files.write(batch.resolve("d_truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
    Files.write(batch.resolve("e_empty.png"), new byte[0]);
    Files.writeString(batch.resolve("f_notes.txt"), "hello");
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The process as a user starts it: main, where a scan's models start loading before its command line is parsed. */
  private static Run process(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.ganscan.cli.Main"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES), "ganscan did not finish");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void fromMainAScansErrorsReachStandardErrorThoughItsModelsLoadWhileTheCommandLineIsParsed(@TempDir Path dir) throws Exception {
    // The model load silences the process's native standard error while it runs; a usage error or a
    // failed start found meanwhile must still be printed, and the batch itself still scanned.
    Run usage = process(dir, "scan", "--threads", "0", batch.toString());
    assertEquals(2, usage.exit(), usage.err());
    assertTrue(usage.err().contains("--threads must be at least 1, not 0") && usage.err().contains("Usage: ganscan scan"), usage.err());
    Run noModel = process(dir, "scan", batch.toString(), "--model", dir.resolve("absent.json").toString());
    assertEquals(3, noModel.exit(), noModel.err());
    assertTrue(noModel.err().contains("ganscan: cannot read the score model"), noModel.err());
    Path out = dir.resolve("r.jsonl");
    Run scan = process(dir, "scan", batch.toString(), "--out", out.toString());
    assertEquals(0, scan.exit(), scan.err());
    assertTrue(scan.err().contains("scanned 6 file(s)"), scan.err());
    assertEquals(6, Files.readAllLines(out).size());
    Run help = process(dir, "scan", "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().startsWith("Usage: ganscan scan"), help.out());
  }

  @Test
  void aScoreModelWithAnUndeclaredFeatureStopsTheStartWithExitThreeNamingIt(@TempDir Path dir) throws Exception {
    // The bundled model with one feature renamed, as a trait rename would leave it.
    String model = new String(org.ganscan.score.LogisticModel.bundled().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8).replace("\"eye_position.roll_abs_deg\"", "\"eye_position.roll_deg_abs\"");
    Path file = dir.resolve("renamed.json");
    Files.writeString(file, model);
    Path out = dir.resolve("r.jsonl");
    Run run = run("scan", batch.toString(), "--model", file.toString(), "--out", out.toString());
    assertEquals(3, run.exit(), run.err());
    assertTrue(run.err().contains("eye_position.roll_deg_abs") && run.err().contains("no trait of this scan declares"), run.err());
    assertFalse(Files.exists(out), "nothing is scored with a model that does not match the traits");
  }

  @Test
  void aModelFoldersProbeThatCannotBeUsedStopsTheStartWithExitThreeNamingIt(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("model.json"), org.ganscan.score.LogisticModel.bundled().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path probe = dir.resolve("region-texture-probe.json");
    Path out = dir.resolve("r.jsonl");
    Files.writeString(probe, "{\"version\": 1");
    Run cut = run("scan", batch.toString(), "--model", dir.toString(), "--out", out.toString());
    assertEquals(3, cut.exit(), cut.err());
    assertTrue(cut.err().contains("cannot read the region texture probe " + probe), cut.err());
    // A probe of another version, weighing a descriptor this one does not measure.
    String bundled = new String(getClass().getClassLoader().getResourceAsStream("org/ganscan/trait/region-texture-probe.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(probe, bundled.replaceFirst("\"face_skin_00\"", "\"old_descriptor_00\""));
    Run old = run("scan", batch.toString(), "--model", dir.toString(), "--out", out.toString());
    assertEquals(3, old.exit(), old.err());
    assertTrue(old.err().contains("weighs descriptors this version does not measure: [old_descriptor_00]"), old.err());
    assertFalse(Files.exists(out), "nothing is scored with a probe that cannot be used");
  }

  @Test
  void writesOneRecordPerFileInPathOrderAndExitsZero(@TempDir Path outDir) throws Exception {
    Path out = outDir.resolve("r.jsonl");
    Run run = run("scan", batch.toString(), "--out", out.toString(), "--threads", "2");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(6, lines.size());
    List<JsonNode> recs = lines.stream().map(ScanCommandTest::parse).toList();
    assertEquals(List.of("a_gan.png", "b_webp_named.jpg", "d_truncated.jpg", "e_empty.png", "f_notes.txt", "c_noface.jpg"),
        recs.stream().map(r -> Path.of(r.get("path").asText()).getFileName().toString()).toList());
    JsonNode gan = recs.get(0);
    assertEquals("ok", gan.get("status").asText());
    assertEquals("png", gan.get("format").asText());
    assertEquals(64, gan.get("sha256").asText().length());
    JsonNode face = gan.get("faces").get(0);
    for (String k : List.of("right_eye", "left_eye", "nose", "mouth", "right_ear", "left_ear")) {
      assertEquals(2, face.get("keypoints").get(k).size(), k);
    }
    JsonNode eye = face.get("traits").get("eye_position");
    assertEquals("fraction_of_width", eye.get("unit").asText());
    assertTrue(eye.get("value").asDouble() < 0.02);
    assertTrue(gan.get("tool").get("models").size() >= 4);
    assertEquals("webp", recs.get(1).get("format").asText());
    assertEquals("error", recs.get(2).get("status").asText());
    assertTrue(recs.get(2).get("error").asText().contains("truncated"));
    assertTrue(recs.get(3).get("error").asText().contains("empty"));
    assertTrue(recs.get(4).get("error").asText().contains("not an image"));
    assertEquals("not_applicable", recs.get(4).get("verdict").asText());
    assertTrue(recs.get(4).get("score").isNull());
    assertTrue(run.err().contains("3 error(s)"), run.err());
  }

  @Test
  void failOnErrorExitsOne(@TempDir Path outDir) {
    Run run = run("scan", batch.toString(), "--out", outDir.resolve("r.jsonl").toString(), "--fail-on-error");
    assertEquals(1, run.exit());
  }

  @Test
  void sameInputTwiceGivesByteIdenticalOutput(@TempDir Path outDir) throws Exception {
    Path one = outDir.resolve("1.jsonl");
    Path two = outDir.resolve("2.jsonl");
    run("scan", batch.toString(), "--out", one.toString(), "--threads", "1");
    run("scan", batch.toString(), "--out", two.toString(), "--threads", "2");
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
  }

  @Test
  void overlaysAreCopiesDrawnDeterministically(@TempDir Path outDir) throws Exception {
    Path one = outDir.resolve("o1");
    Path two = outDir.resolve("o2");
    byte[] before = Files.readAllBytes(batch.resolve("a_gan.png"));
    run("scan", batch.toString(), "--out", outDir.resolve("r1.jsonl").toString(), "--overlays", one.toString(), "--threads", "1");
    run("scan", batch.toString(), "--out", outDir.resolve("r2.jsonl").toString(), "--overlays", two.toString(), "--threads", "2");
    List<Path> files;
    try (var s = Files.list(one)) {
      files = s.sorted().toList();
    }
    assertEquals(2, files.size(), "one overlay per image with a face: " + files);
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(two.resolve(f.getFileName())), f.toString());
      var img = javax.imageio.ImageIO.read(f.toFile());
      assertTrue(img.getWidth() >= 400, "readable at 400 px: " + img.getWidth());
    }
    assertArrayEquals(before, Files.readAllBytes(batch.resolve("a_gan.png")), "the input is untouched");
  }

  @Test
  void csvHasOneRowPerImage(@TempDir Path outDir) throws Exception {
    Path out = outDir.resolve("r.csv");
    assertEquals(0, run("scan", batch.toString(), "--out", out.toString(), "--format", "csv").exit());
    List<String> lines = Files.readAllLines(out);
    assertEquals(7, lines.size());
    assertTrue(lines.get(0).startsWith("path,sha256,status,error,width,height,format,faces,score,verdict,right_eye_x"));
    assertTrue(lines.get(1).contains(",ok,"));
  }

  @Test
  void failOnGatesOnVerdictsAndTheSummaryIsJson(@TempDir Path outDir) throws Exception {
    Path out = outDir.resolve("r.jsonl");
    Run run = run("scan", batch.toString(), "--out", out.toString(), "--fail-on", "inconclusive", "--json-summary", "--quiet");
    List<JsonNode> recs = Files.readAllLines(out).stream().map(ScanCommandTest::parse).toList();
    boolean flagged = recs.stream().map(r -> r.get("verdict").asText()).anyMatch(v -> v.equals("synthetic") || v.equals("inconclusive"));
    assertTrue(flagged, "the aligned StyleGAN face must at least be inconclusive");
    assertEquals(4, run.exit());
    JsonNode summary = JSON.readTree(run.err().strip());
    assertEquals(6, summary.get("files").asInt());
    assertEquals(3, summary.get("status").get("error").asInt());
    assertEquals(4, summary.get("exit_code").asInt());
    boolean synthetic = recs.stream().anyMatch(r -> r.get("verdict").asText().equals("synthetic"));
    assertEquals(synthetic ? 4 : 0, run("scan", batch.toString(), "--out", out.toString(), "--fail-on", "synthetic", "--quiet").exit());
  }

  @Test
  void badOptionIsAUsageError() {
    assertEquals(2, run("scan", "--threads", "many", batch.toString()).exit());
  }

  @Test
  void helpDocumentsExitCodes() {
    Run run = run("scan", "--help");
    assertTrue(run.out().contains("Exit codes"), run.out());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
