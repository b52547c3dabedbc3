package org.ganscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganscan.eval.Degradation;
import org.ganscan.eval.LabelledItem;
import org.ganscan.eval.LabelledSet;
import org.ganscan.eval.Measured;
import org.ganscan.eval.Measurer;
import org.ganscan.eval.ModelFitting;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.StandardScan;
import org.ganscan.score.LogisticModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan fit LABELLED_DIR --out model.json}: fits the score model with its thresholds and provenance. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the score model on avatar (<= 400 px, JPEG q85) and thumb (<= 128 px, JPEG q75) copies of a labelled folder's GAN and real faces.",
      "Verdict thresholds come from cross-validated scores of the real faces: 'synthetic' at 1% FPR,",
      "'authentic' below the 10%-FPR threshold."
    })
final class FitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LABELLED_DIR")
  Path root;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model JSON.")
  Path out;

  @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds for the thresholds and the recorded figures (default: 5).")
  int folds;

  @Option(names = "--model-version", paramLabel = "V", description = "Version recorded in the model (default: the bundled model's version + 1).")
  String version;

  @Override
  public Integer call() throws Exception {
    List<LabelledItem> items = LabelledSet.read(root);
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, true)) {
      Measurer measurer = new Measurer(scan, Runtime.getRuntime().availableProcessors());
      Map<Degradation, List<Measured>> measured = new EnumMap<>(Degradation.class);
      List<Measured> fitOn = measurer.measureFitting(items, measured);
      List<Measured> avatar = measured.computeIfAbsent(Degradation.AVATAR, v -> measurer.measure(items, v));
      ModelFitting.Result fitted = ModelFitting.fit(String.valueOf(root.getFileName()), items, avatar, fitOn, folds,
          measurer.space(), version != null ? version : nextVersion(LogisticModel.bundled().version()));
      Files.writeString(out, fitted.model().toJson());
      spec.commandLine().getOut().printf("ganscan fit: model written to %s (cross-validated AUC %.4f on avatar copies)%n", out.toAbsolutePath(), fitted.figures().auc());
    }
    return ExitCodes.OK;
  }

  /** "2" becomes "3"; a version that is not a whole number gets ".1" appended. */
  static String nextVersion(String bundled) {
    try {
      return Integer.toString(Integer.parseInt(bundled) + 1);
    } catch (NumberFormatException e) {
      return bundled + ".1";
    }
  }
}
