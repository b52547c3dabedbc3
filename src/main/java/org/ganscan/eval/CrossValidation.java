package org.ganscan.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.score.Features;
import org.ganscan.score.Fitter;
import org.ganscan.score.LogisticModel;

/**
 * Stratified k-fold cross-validation: GAN and real faces are split into folds (deterministically,
 * by sha256; all copies of one image share its fold), each fold is scored by a model fitted on the other folds' fitting-variant features,
 * and every other item (diffusion, no-face folders) by a model fitted on all of them.
 */
public final class CrossValidation {
  private final int folds;

  public CrossValidation(int folds) {
    if (folds < 2) {
      throw new IllegalArgumentException("need at least 2 folds: " + folds);
    }
    this.folds = folds;
  }

  /**
   * @param fitOn features used for fitting (e.g. avatar copies), by relative path
   * @param evaluate features to score (the variant under evaluation)
   * @return score per relative path; 0 for items without a face (not flagged)
   */
  public Map<String, Double> scores(List<Measured> fitOn, List<Measured> evaluate) {
    Map<String, Integer> fold = assignFolds(fitOn);
    Fitter fitter = new Fitter(Features.NAMES);
    Map<String, Double> out = new HashMap<>();
    for (int k = 0; k < folds; k++) {
      int held = k;
      LogisticModel model = fitter.fit(samples(fitOn, fold, held), Map.of());
      for (Measured m : evaluate) {
        Integer f = fold.get(m.item().relative());
        if (f != null && f == held) {
          out.put(m.item().relative(), m.hasFace() ? model.probability(m.features()) : 0.0);
        }
      }
    }
    LogisticModel all = fitter.fit(allSamples(fitOn), Map.of());
    for (Measured m : evaluate) {
      out.putIfAbsent(m.item().relative(), m.hasFace() ? all.probability(m.features()) : 0.0);
    }
    return out;
  }

  /** Every labelled GAN and real face. */
  static List<Fitter.Sample> allSamples(List<Measured> fitOn) {
    List<Fitter.Sample> out = new ArrayList<>();
    for (Measured m : fitOn) {
      if (m.hasFace() && (m.item().isGan() || m.item().isReal())) {
        out.add(new Fitter.Sample(m.item().relative(), m.features(), m.item().isGan()));
      }
    }
    return out;
  }

  /** Labelled GAN and real faces of the fitting variant, excluding fold {@code held}. */
  static List<Fitter.Sample> samples(List<Measured> fitOn, Map<String, Integer> fold, int held) {
    List<Fitter.Sample> out = new ArrayList<>();
    for (Measured m : fitOn) {
      Integer f = fold.get(m.item().relative());
      if (f != null && f != held && m.hasFace()) {
        out.add(new Fitter.Sample(m.item().relative(), m.features(), m.item().isGan()));
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
