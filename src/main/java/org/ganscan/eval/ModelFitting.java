package org.ganscan.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.score.FeatureSpace;
import org.ganscan.score.Fitter;
import org.ganscan.score.LogisticModel;
import org.ganscan.score.Metrics;

/**
 * Fits the shipped score model on the fitting copies ({@link Degradation#FITTING}) of a labelled
 * set: the weights on all GAN and real faces, the verdict thresholds from cross-validated scores of
 * the real faces' avatar copies, and provenance.
 */
public final class ModelFitting {
  static final double SYNTHETIC_FPR = 0.01;
  static final double AUTHENTIC_FPR = 0.10;

  /** The fitted model and the cross-validated figures its provenance records. */
  public record Result(LogisticModel model, EvalReport.Figures figures) {}

  private ModelFitting() {}

  /**
   * @param items the labelled set (for its fingerprint)
   * @param avatar the items measured on avatar copies (for thresholds and figures)
   * @param fitOn the items measured on every fitting copy
   */
  /**
   * @param space the traits' declared features (the fit keeps each weight on its declared side)
   * @param version the new model's version, recorded in its file and in every record it scores
   */
  public static Result fit(String dataName, List<LabelledItem> items, List<Measured> avatar, List<Measured> fitOn, int folds,
      FeatureSpace space, String version) {
    CrossValidation.Fitted fitted = new CrossValidation(folds, Fitter.constrained(space, version)).fit(fitOn);
    Map<String, Double> cv = fitted.scores(avatar);
    EvalReport.Figures figures = EvalReport.figures(avatar, cv);
    double[] real = EvalReport.scoresOf(avatar, cv, "real");
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("data", dataName + " sha256-of-labelled-sha256s " + LabelledSet.fingerprint(items));
    provenance.put("variant", Degradation.fittingDescription());
    provenance.put("cv_figures_on", Degradation.AVATAR.description());
    provenance.put("features", space.names());
    provenance.put("cv_folds", folds);
    provenance.put("cv_auc", figures.auc());
    provenance.put("cv_tpr_at_1pct_fpr", figures.tprAt1());
    provenance.put("cv_tpr_at_5pct_fpr", figures.tprAt5());
    provenance.put("thresholds", "synthetic at " + SYNTHETIC_FPR + " FPR, authentic below " + AUTHENTIC_FPR + " FPR, on cross-validated real scores");
    LogisticModel model = fitted.all().withProvenanceFirst(provenance).withThresholds(Metrics.thresholdAtFpr(real, SYNTHETIC_FPR), Metrics.thresholdAtFpr(real, AUTHENTIC_FPR));
    return new Result(model, figures);
  }
}
