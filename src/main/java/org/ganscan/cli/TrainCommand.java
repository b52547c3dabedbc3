package org.ganscan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganscan.cache.ResourceCache;
import org.ganscan.eval.Degradation;
import org.ganscan.eval.EvalReport;
import org.ganscan.eval.LabelledItem;
import org.ganscan.eval.LabelledSet;
import org.ganscan.eval.Measured;
import org.ganscan.eval.Measurer;
import org.ganscan.eval.Training;
import org.ganscan.eval.TrainingCopy;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.StandardScan;
import org.ganscan.score.LogisticModel;
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
      LogisticModel model = fit.fused();
      Map<String, EvalReport.Figures> figures = new LinkedHashMap<>();
      Map<String, Double> aligned = new LinkedHashMap<>();
      Map<String, EvalReport.Figures> learners = new LinkedHashMap<>();
      if (validate != null) {
        List<LabelledItem> dev = LabelledSet.read(validate);
        Map<Degradation, List<Measured>> devRows = new LinkedHashMap<>();
        for (Degradation d : Training.VALIDATION) {
          devRows.put(d, measurer.measure(dev, d).stream().map(Training::row).toList());
        }
        fit = fit.withBase(Training.withThresholds(fit.base(), fit.baseRows(devRows.get(Degradation.AVATAR))));
        if (fit.hasProbe()) {
          List<Measured> avatar = fit.fusedRows(devRows.get(Degradation.AVATAR));
          model = Training.withThresholds(model, avatar);
          fit = fit.withFused(model);
          learners = Training.compareLearners(fit.fusedSpace(), model, fit.fusionRows(rows), avatar, seed);
          w.println("== learners fitted on the same training copies (trait features and the texture logit), on the validation avatar copies:");
        } else {
          learners = Training.compareLearners(measurer.space(), fit.base(), fit.baseRows(rows), fit.baseRows(devRows.get(Degradation.AVATAR)), seed);
          w.println("== learners fitted on the same training copies (trait features; too few faces for a texture probe), on the validation avatar copies:");
        }
        learners.forEach((k, f) -> w.printf(Locale.ROOT, "  %-75s ROC AUC %.4f | TPR at 1%% FPR %.3f | at 5%% FPR %.3f%n", k, f.auc(), f.tprAt1(), f.tprAt5()));
        for (var e : devRows.entrySet()) {
          String name = e.getKey().name().toLowerCase(Locale.ROOT);
          List<Measured> v = e.getValue();
          Map<String, Map<String, Double>> parts = new LinkedHashMap<>();
          parts.put("traits alone", fit.baseScores(v));
          if (fit.hasProbe()) {
            parts.put("region texture alone", fit.textureScores(v));
          }
          for (var part : parts.entrySet()) {
            EvalReport.Figures f = EvalReport.figures(v, part.getValue());
            w.printf(Locale.ROOT, "%s, %s: ROC AUC %.4f | TPR at 1%% FPR %.3f | at 5%% FPR %.3f | among FFHQ-aligned faces %.4f | %s%n", name, part.getKey(),
                f.auc(), f.tprAt1(), f.tprAt5(), Training.alignedAuc(v, part.getValue()), EvalReport.spread(v, part.getValue()));
            figures.put(name + " (" + part.getKey() + ")", f);
            aligned.put(name + " (" + part.getKey() + ")", Training.alignedAuc(v, part.getValue()));
          }
          if (fit.hasProbe()) {
            Map<String, Double> fused = fit.fusedScores(v);
            figures.put(name + " (fused)", EvalReport.figures(v, fused));
            aligned.put(name + " (fused)", Training.alignedAuc(v, fused));
            EvalReport.render(name + ": " + e.getKey().description() + " (fused)", "the model fitted on the training copies; never fitted on these files",
                fit.fusedRows(v), fused, model, fit.fusedSpace()).forEach(w::println);
          } else {
            EvalReport.render(name + ": " + e.getKey().description() + " (traits alone)", "the model fitted on the training copies; never fitted on these files",
                fit.baseRows(v), parts.get("traits alone"), fit.base(), measurer.space()).forEach(w::println);
          }
          w.flush();
        }
        provenance.put("validated_on", validate.getFileName() + " sha256-of-labelled-sha256s " + LabelledSet.fingerprint(dev));
        provenance.put("validation", figures);
        Map<String, Double> learnerAuc = new LinkedHashMap<>();
        learners.forEach((k, f) -> learnerAuc.put(k, f.auc()));
        provenance.put("learners_compared_avatar_auc", learnerAuc);
        provenance.put("thresholds", "synthetic at 0.01 FPR, authentic below 0.1 FPR, on the validation set's real avatar copies");
        boolean fusion = fit.hasProbe() && Training.fusionWins(figures.get("avatar (fused)"), figures.get("avatar (traits alone)"));
        model = fusion ? fit.fused() : fit.base();
        provenance.put("kept", Training.keptReason(true, fit.hasProbe(), fusion));
        w.println("ganscan train: kept " + provenance.get("kept"));
      } else {
        model = Training.withThresholds(fit.base(), fit.baseRows(rows));
        provenance.put("thresholds", "synthetic at 0.01 FPR, authentic below 0.1 FPR, on the training copies' real faces (no validation set)");
        provenance.put("kept", Training.keptReason(false, fit.hasProbe(), false));
      }
      provenance.put("features", model.features());
      model = model.withProvenanceFirst(provenance);
      byte[] json = model.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Files.write(out.resolve("model.json"), json);
      String probeLine;
      Files.deleteIfExists(out.resolve(StandardScan.PROBE_FILE));
      if (fit.hasProbe()) {
        byte[] probe = fit.probeModel().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(out.resolve(StandardScan.PROBE_FILE), probe);
        probeLine = "The region texture probe: `" + StandardScan.PROBE_FILE + "`, sha256 `" + ResourceCache.sha256(probe) + "`.";
      } else {
        probeLine = "No region texture probe was fitted (" + Training.NO_PROBE + "); a scan with this model reports the texture with the probe bundled in ganscan.";
      }
      Files.writeString(out.resolve("MODEL_CARD.md"), Training.card(model, copies, train, licences, figures, aligned, learners,
          validate == null ? null : String.valueOf(validate.getFileName()), Duration.between(start, Instant.now()), ResourceCache.sha256(json))
          + "\n" + probeLine + "\n");
      w.printf("ganscan train: model written to %s (%scard: MODEL_CARD.md)%n", out.resolve("model.json").toAbsolutePath(),
          fit.hasProbe() ? "probe: " + StandardScan.PROBE_FILE + ", " : "");
    }
    return ExitCodes.OK;
  }
}
