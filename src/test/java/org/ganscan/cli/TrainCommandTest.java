package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ganscan.DevSet;
import org.ganscan.cache.ResourceCache;
import org.ganscan.score.LogisticModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * 'ganscan train' end to end on a few hundred train-set images: it fits, validates on dev-set
 * files it never fitted on, writes a model with its card, resumes a killed run from its
 * checkpoint to the same model, and 'scan --model DIR' scores with the result.
 */
class TrainCommandTest {
  static Path trainSet() {
    Path root = Path.of(System.getProperty("ganscan.trainset", "../shared/train-set"));
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(root.resolve("gan")), org.ganscan.SkippedDataReport.PREFIX
        + "train set (13,668 images) at " + root + ": it is not there (CI has it; point to it with -Dganscan.trainset=DIR)");
    return root;
  }

  private static List<Path> first(Path dir, String prefix, int n) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().limit(n).toList();
    }
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    assertEquals(0, exit, out + "\n" + err);
    return out.toString();
  }

  @Test
  void fitsValidatesWritesItsCardResumesAndScores(@TempDir Path dir) throws Exception {
    Path train = dir.resolve("train");
    Path dev = dir.resolve("dev");
    for (String label : List.of("gan", "real")) {
      Files.createDirectories(train.resolve(label));
      Files.createDirectories(dev.resolve(label));
      // 128 px sources (eyes too close for the texture probe) and 256 px ones (the probe's), both
      // classes at both sizes; and 200 px UTKFace chips, real only, so their copies are resized.
      for (String source : List.of("bhunakit__", "zoya__")) {
        for (Path p : first(trainSet().resolve(label), source, 75)) {
          Files.copy(p, train.resolve(label).resolve(p.getFileName()));
        }
      }
      if (label.equals("real")) {
        for (Path p : first(trainSet().resolve(label), "utk__", 30)) {
          Files.copy(p, train.resolve(label).resolve(p.getFileName()));
        }
      }
      for (Path p : DevSet.images(label).subList(0, 15)) {
        Files.copy(p, dev.resolve(label).resolve(p.getFileName()));
      }
    }
    Path out = dir.resolve("model");
    String text = run("train", train.toString(), "--out", out.toString(), "--validate", dev.toString(), "--threads", "2", "--model-version", "test");
    assertTrue(text.contains("== avatar") && text.contains("random forest"), text);
    byte[] json = Files.readAllBytes(out.resolve("model.json"));
    LogisticModel model = LogisticModel.parse(json, "model.json");
    assertEquals("test", model.version());
    assertTrue(model.provenance().containsKey("validation"), model.provenance().toString());
    String card = Files.readString(out.resolve("MODEL_CARD.md"));
    assertTrue(card.contains(ResourceCache.sha256(json)), "the card names the model's sha256");
    assertTrue(card.contains("non-commercial"), "the card states the training data's terms");
    List<String> rows = Files.readAllLines(out.resolve("train-features.tsv"));
    assertEquals(1 + 330, rows.size(), "every training image measured once, after the header");
    // Only the resized copies (the UTKFace chips) need a texture copy of their own; every other
    // training copy is its texture copy already.
    assertEquals(1 + 30, Files.readAllLines(out.resolve("texture-features.tsv")).size(), "every resized image's texture copy measured once");
    assertTrue(text.contains("the 30 resized copies"), text);
    assertTrue(card.contains("kept at its own size"), "the card states the texture copies' treatment");
    assertTrue(card.contains("The region texture probe: `region-texture-probe.json`, sha256"), card);
    assertTrue(text.contains("avatar, region texture alone: ROC AUC"), text);
    // The trait score without the mask traits is fitted and validated too, and the kept model's
    // features are what its 'kept' reason says.
    assertTrue(text.contains("avatar, traits without the person mask: ROC AUC"), text);
    String kept = model.provenance().get("kept").toString();
    assertTrue(card.contains("- kept: " + kept), "the card says what train kept and why");
    assertEquals(kept.startsWith("the traits without the person mask"), model.features().stream().noneMatch(f -> f.startsWith("background") || f.startsWith("hair")
        || f.startsWith("ears")), kept + " / " + model.features());

    // A killed run: the checkpoint lost its last rows and ends in half a line. The rerun measures
    // only what is missing and fits the same model.
    Files.writeString(out.resolve("train-features.tsv"), String.join("\n", rows.subList(0, 201)) + "\n" + rows.get(201).substring(0, 20));
    List<String> textureRows = Files.readAllLines(out.resolve("texture-features.tsv"));
    Files.writeString(out.resolve("texture-features.tsv"), String.join("\n", textureRows.subList(0, 11)) + "\n" + textureRows.get(11).substring(0, 20));
    Files.delete(out.resolve("model.json"));
    run("train", train.toString(), "--out", out.toString(), "--validate", dev.toString(), "--threads", "2", "--model-version", "test");
    LogisticModel resumed = LogisticModel.parse(Files.readAllBytes(out.resolve("model.json")), "model.json");
    assertArrayEquals(model.weights(), resumed.weights(), 1e-12);
    assertEquals(model.bias(), resumed.bias(), 1e-12);
    assertEquals(model.features(), resumed.features());

    // Faces too small for the texture probe: the traits alone, no probe file, and the reason.
    Path small = dir.resolve("small");
    for (String label : List.of("gan", "real")) {
      Files.createDirectories(small.resolve(label));
      for (Path p : first(train.resolve(label), "bhunakit__", 40)) {
        Files.copy(p, small.resolve(label).resolve(p.getFileName()));
      }
    }
    Path smallOut = dir.resolve("small-model");
    String smallText = run("train", small.toString(), "--out", smallOut.toString(), "--validate", dev.toString(), "--threads", "2");
    assertTrue(smallText.contains("too few faces for a texture probe"), smallText);
    assertTrue(Files.notExists(smallOut.resolve("region-texture-probe.json")));
    assertTrue(LogisticModel.parse(Files.readAllBytes(smallOut.resolve("model.json")), "model.json").provenance().get("kept").toString()
        .contains("too few training faces with their eyes at least 48 px apart"));

    // The trained folder scores a scan, with the texture probe fitted beside the model: a probe
    // put there that says 7 for every face is what the record shows.
    LogisticModel probe = LogisticModel.parse(Files.readAllBytes(out.resolve("region-texture-probe.json")), "probe");
    LogisticModel constant = new LogisticModel("constant", probe.features(), probe.means(), probe.scales(), new double[probe.features().size()], 7.0,
        0.5, 0.5, java.util.Map.of());
    Files.writeString(out.resolve("region-texture-probe.json"), constant.toJson());
    Path results = dir.resolve("r.jsonl");
    // --full: the cascade may settle this face without the texture, and the texture is what is checked.
    run("scan", DevSet.file("gan/fakeav__10.png").toString(), "--model", out.toString(), "--out", results.toString(), "--quiet", "--full");
    String record = Files.readString(results);
    assertTrue(record.contains("\"scorer\":\"logistic test "), record);
    assertTrue(record.contains("region texture (learned probe): 1.00"), "the folder's probe weighs the texture: " + record);
  }
}
