package org.ganscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.ganscan.face.FaceModels;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.score.Features;
import org.ganscan.score.Fitter;
import org.ganscan.score.LogisticModel;
import org.ganscan.score.Metrics;
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
      "Fit the score model on avatar copies (<= 400 px, JPEG q85) of a labelled folder's GAN and real faces.",
      "Verdict thresholds come from cross-validated scores of the real faces: 'synthetic' at 1% FPR,",
      "'authentic' below the 10%-FPR threshold."
    })
final class FitCommand implements Callable<Integer> {
  static final double SYNTHETIC_FPR = 0.01;
  static final double AUTHENTIC_FPR = 0.10;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LABELLED_DIR")
  Path root;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model JSON.")
  Path out;

  @Option(names = "--folds", defaultValue = "5")
  int folds;

  @Override
  public Integer call() throws Exception {
    List<LabelledItem> items = LabelledSet.read(root);
    try (FaceModels models = FaceModels.load()) {
      Measurer measurer = new Measurer(models, Defaults.settings(PortraitDecoder.DEFAULT_PIXEL_LIMIT), Defaults.workers(null));
      List<Measured> avatar = measurer.measure(items, Degradation.AVATAR);
      Map<String, Double> cv = new CrossValidation(folds).scores(avatar, avatar);
      var figures = EvalReport.figures(avatar, cv);
      double[] real = avatar.stream().filter(m -> m.item().isReal()).mapToDouble(m -> cv.get(m.item().relative())).toArray();
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("data", root.getFileName() + " sha256-of-labelled-sha256s " + LabelledSet.fingerprint(items));
      provenance.put("variant", Degradation.AVATAR.description());
      provenance.put("features", Features.NAMES);
      provenance.put("cv_folds", folds);
      provenance.put("cv_auc", figures.auc());
      provenance.put("cv_tpr_at_1pct_fpr", figures.tprAt1());
      provenance.put("cv_tpr_at_5pct_fpr", figures.tprAt5());
      provenance.put("thresholds", "synthetic at " + SYNTHETIC_FPR + " FPR, authentic below " + AUTHENTIC_FPR + " FPR, on cross-validated real scores");
      var samples = avatar.stream().filter(m -> m.hasFace() && (m.item().isGan() || m.item().isReal()))
          .map(m -> new Fitter.Sample(m.item().relative(), m.features(), m.item().isGan())).toList();
      LogisticModel fitted = new Fitter(Features.NAMES).fit(samples, provenance);
      LogisticModel model = new LogisticModel(fitted.version(), fitted.features(), fitted.means(), fitted.scales(), fitted.weights(),
          fitted.bias(), Metrics.thresholdAtFpr(real, SYNTHETIC_FPR), Math.min(Metrics.thresholdAtFpr(real, SYNTHETIC_FPR), Metrics.thresholdAtFpr(real, AUTHENTIC_FPR)),
          fitted.provenance());
      Files.writeString(out, model.toJson());
      spec.commandLine().getOut().printf("ganscan fit: model written to %s (cross-validated AUC %.4f on avatar copies)%n", out.toAbsolutePath(), figures.auc());
    }
    return ExitCodes.OK;
  }
}
