package org.ganscan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganscan.eval.CrossValidation;
import org.ganscan.eval.Degradation;
import org.ganscan.eval.EvalReport;
import org.ganscan.eval.LabelledItem;
import org.ganscan.eval.LabelledSet;
import org.ganscan.eval.Measured;
import org.ganscan.eval.Measurer;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.StandardScan;
import org.ganscan.score.Fitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan eval LABELLED_DIR}: ROC AUC and TPR at fixed FPR, cross-validated, per degradation. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate on a folder laid out like the dev set (gan/, real/, diffusion/, noface/, optional MANIFEST.tsv).",
      "Scores are cross-validated: each fold is scored by a model fitted on avatar (<= 400 px, JPEG q85) and",
      "thumb (<= 128 px, JPEG q75) copies of the other folds, so no file scores itself and no class differs in format."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LABELLED_DIR")
  Path root;

  @Option(names = "--degrade", split = ",", defaultValue = "none,avatar,social,thumb,small",
      description = "Variants to evaluate: none (original files), avatar (<= 400 px, JPEG q85), social (saved as JPEG q90, then avatar: "
          + "a GAN PNG carries a JPEG history as an upload does), thumb (<= 128 px, JPEG q75), "
          + "small (<= 200 px, JPEG q60, never fitted on: does the fit carry over?) (default: all five).")
  List<String> variants;

  @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: 5).")
  int folds;

  @Option(names = "--features", paramLabel = "FILE.tsv", description = "Also write every item's trait values and cross-validated score (one row per item and variant).")
  Path features;

  @Mixin ThreadsOption threads;

  @Override
  public Integer call() throws Exception {
    List<LabelledItem> items = LabelledSet.read(root);
    PrintWriter out = spec.commandLine().getOut();
    out.println("ganscan eval: " + items.size() + " labelled files in " + root + " (data " + LabelledSet.fingerprint(items).substring(0, 16) + ")");
    if (features != null) {
      Files.write(features, new byte[0]); // this run's rows only, appended variant by variant below
    }
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, true)) {
      Measurer measurer = new Measurer(scan, threads.workers());
      Map<Degradation, List<Measured>> measured = new EnumMap<>(Degradation.class);
      Fitter fit = Fitter.constrained(measurer.space(), "cv");
      CrossValidation.Fitted fitted = new CrossValidation(folds, fit).fit(measurer.measureFitting(items, measured));
      for (String name : variants) {
        Degradation variant = Degradation.valueOf(name.trim().toUpperCase());
        List<Measured> evaluate = measured.computeIfAbsent(variant, v -> measurer.measure(items, v));
        Map<String, Double> scores = fitted.scores(evaluate);
        EvalReport.render(variant.name().toLowerCase() + ": " + variant.description(), EvalReport.crossValidated(folds), evaluate, scores,
            fitted.all(), measurer.space()).forEach(out::println);
        out.println(EvalReport.learnedAlone(evaluate));
        if (features != null) {
          Files.write(features, EvalReport.featureTable(variant.name().toLowerCase(), evaluate, scores),
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        out.flush();
      }
    }
    return ExitCodes.OK;
  }
}
