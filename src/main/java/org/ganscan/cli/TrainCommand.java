package org.ganscan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganscan.eval.LabelledItem;
import org.ganscan.eval.LabelledSet;
import org.ganscan.eval.Measured;
import org.ganscan.eval.Measurer;
import org.ganscan.eval.Training;
import org.ganscan.eval.TrainingCopy;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.StandardScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan train LABELLED_DIR... --out DIR}: fits the score on a labelled set of one's own and writes it with a model card. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the score model on labelled folders laid out like the dev set (gan/, real/, optional MANIFEST.tsv).",
      "Every image is measured on a training copy that treats both classes alike (random size, JPEG history,",
      "avatar re-compression), and the region texture on a copy at its own size with the same JPEG history;",
      "measurements are checkpointed in DIR/train-features.tsv and DIR/texture-features.tsv, so a killed run resumes.",
      "With --validate, the model is scored on another labelled folder it never saw (avatar, thumb and small",
      "copies) and its verdict thresholds are set there. Writes DIR/model.json and DIR/MODEL_CARD.md;",
      "'ganscan scan --model DIR' uses it."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "LABELLED_DIR")
  List<Path> roots;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(names = "--validate", paramLabel = "LABELLED_DIR", description = "Validate on this folder (never fitted on) and set the thresholds there.")
  Path validate;

  @Option(names = "--seed", defaultValue = "20261201", description = "Seed of the training copies (default: 20261201).")
  long seed;

  @Option(names = "--model-version", paramLabel = "V", description = "Version recorded in the model (default: 'train-' and the seed).")
  String version;

  @Mixin ThreadsOption threads;

  @Override
  public Integer call() throws Exception {
    Instant start = Instant.now();
    Files.createDirectories(out);
    PrintWriter w = spec.commandLine().getOut();
    List<LabelledItem> train = new ArrayList<>();
    Map<String, Integer> licences = new LinkedHashMap<>();
    for (Path root : roots) {
      List<LabelledItem> own = LabelledSet.read(root).stream().filter(i -> i.isGan() || i.isReal()).toList();
      Training.licences(root, own).forEach((k, v) -> licences.merge(k, v, Integer::sum));
      for (LabelledItem i : own) {
        train.add(roots.size() == 1 ? i : new LabelledItem(root.getFileName() + "/" + i.relative(), i.label(), i.source(), i.aligned(), i.file()));
      }
    }
    w.printf("ganscan train: %d GAN and real files (data %s)%n", train.size(), LabelledSet.fingerprint(train).substring(0, 16));
    try (StandardScan scan = StandardScan.open(StandardScan.forFitting(ImageLimits.DEFAULT), true)) {
      Measurer measurer = new Measurer(scan, threads.workers());
      TrainingCopy copies = TrainingCopy.forSet(seed, train, ImageLimits.DEFAULT.decoder());
      w.println("ganscan train: training copies: " + copies.describe());
      w.flush();
      List<Measured> rows;
      try (Progress p = Progress.start(Terminal.stderrIsTerminal(), train.size())) {
        rows = Training.measure(measurer, train, copies, out.resolve("train-features.tsv"), p::stepTo);
      }
      List<LabelledItem> resized = copies.resized(train, ImageLimits.DEFAULT.decoder());
      w.println("ganscan train: measuring the region texture of the " + resized.size() + " resized copies again, at each image's own size");
      w.flush();
      List<Measured> textureRows;
      try (Progress p = Progress.start(Terminal.stderrIsTerminal(), resized.size())) {
        textureRows = Training.measure(measurer, resized, TrainingCopy.nativeSize(seed), out.resolve("texture-features.tsv"), p::stepTo);
      }
      rows = Training.combine(rows, textureRows, measurer.space().names().size());
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("data", String.join(" + ", roots.stream().map(r -> String.valueOf(r.getFileName())).toList())
          + " sha256-of-labelled-sha256s " + LabelledSet.fingerprint(train));
      provenance.put("variant", "training copies: " + copies.describe() + ", seed " + seed
          + "; region texture copies: " + TrainingCopy.nativeDescription());
      Training.Fit fit = Training.fitFused(measurer.space(), rows, version != null ? version : "train-" + seed, provenance);
      Training.Outcome outcome = validate != null
          ? Training.validate(measurer, fit, rows, LabelledSet.read(validate), String.valueOf(validate.getFileName()), seed, line -> {
            w.println(line);
            w.flush();
          })
          : Training.unvalidated(fit, rows);
      if (outcome.validated()) {
        w.println("ganscan train: kept " + outcome.provenance().get("kept"));
      }
      provenance.putAll(outcome.provenance());
      Training.write(out, outcome, provenance, copies, train, licences, validate == null ? null : String.valueOf(validate.getFileName()),
          Duration.between(start, Instant.now()));
      w.printf("ganscan train: model written to %s (%scard: MODEL_CARD.md)%n", out.resolve("model.json").toAbsolutePath(),
          outcome.fit().hasProbe() ? "probe: " + StandardScan.PROBE_FILE + ", " : "");
    }
    return ExitCodes.OK;
  }
}
