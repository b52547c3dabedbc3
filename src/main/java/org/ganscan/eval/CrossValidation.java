package org.ganscan.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ganscan.score.FitStep;
import org.ganscan.score.LogisticModel;
import org.ganscan.score.Sample;

/**
 * Stratified k-fold cross-validation: GAN and real faces are split into folds (deterministically,
 * by sha256; all copies of one image share its fold), each fold is scored by a model fitted on the
 * other folds' fitting-variant features, and every other item (diffusion, no-face folders) by a
 * model fitted on all of them. The models depend only on the fitting copies, so they are fitted
 * once and then score any number of variants.
 */
public final class CrossValidation {
  private final int folds;
  private final FitStep fit;

  /**
   * @param fit how a model is fitted on the other folds (the trait fit, or a probe over embeddings)
   */
  public CrossValidation(int folds, FitStep fit) {
    if (folds < 2) {
      throw new IllegalArgumentException("need at least 2 folds: " + folds);
    }
    this.folds = folds;
    this.fit = Objects.requireNonNull(fit, "fit");
  }

  /**
   * The fitted models of one cross-validation.
   *
   * @param fold the fold of each labelled GAN or real item, by relative path
   * @param foldModels model k was fitted without fold k
   * @param all the model fitted on every GAN and real face
   */
  public record Fitted(Map<String, Integer> fold, List<LogisticModel> foldModels, LogisticModel all) {
    public Fitted {
      fold = Map.copyOf(fold);
      foldModels = List.copyOf(foldModels);
    }

    /**
     * @param evaluate features to score (the variant under evaluation)
     * @return score per relative path: by its fold's model when it has a fold, else by the model
     *     fitted on all; 0 for items without a face (not flagged)
     */
    public Map<String, Double> scores(List<Measured> evaluate) {
      Map<String, Double> out = new HashMap<>();
      for (Measured m : evaluate) {
        Integer f = fold.get(m.item().relative());
        LogisticModel model = f == null ? all : foldModels.get(f);
        out.put(m.item().relative(), m.hasFace() ? model.probability(m.features()) : 0.0);
      }
      return out;
    }
  }

  /** Fits one model per fold and one on all, on the fitting copies {@code fitOn}. */
  public Fitted fit(List<Measured> fitOn) {
    Map<String, Integer> fold = assignFolds(fitOn);
    List<LogisticModel> models = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      models.add(fit.fit(samples(fitOn, fold, k), Map.of()));
    }
    return new Fitted(fold, models, fit.fit(samples(fitOn, fold, -1), Map.of()));
  }

  /** Labelled GAN and real faces of the fitting copies, leaving out fold {@code held} (-1: none). */
  static List<Sample> samples(List<Measured> fitOn, Map<String, Integer> fold, int held) {
    List<Sample> out = new ArrayList<>();
    for (Measured m : fitOn) {
      Integer f = fold.get(m.item().relative());
      if (f != null && f != held && m.hasFace()) {
        out.add(new Sample(m.item().relative(), m.features(), m.item().isGan()));
      }
    }
    return out;
  }

  Map<String, Integer> assignFolds(List<Measured> items) {
    Map<String, Integer> fold = new HashMap<>();
    for (String label : List.of("gan", "real")) {
      List<LabelledItem> cls = new ArrayList<>(items.stream().map(Measured::item).filter(item -> item.label().equals(label)).distinct().toList());
      cls.sort(Comparator.comparing(item -> item.file().sha256()));
      for (int i = 0; i < cls.size(); i++) {
        fold.put(cls.get(i).relative(), i % folds);
      }
    }
    return fold;
  }
}
