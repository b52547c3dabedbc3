package org.ganscan.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ganscan.trait.TraitScore;

/**
 * Scores an image with the fitted logistic model and explains it: the reasons are the sentences of
 * the traits that pushed the score furthest in the direction of the verdict.
 */
public final class FittedScorer implements Scorer {
  private static final int MAX_REASONS = 3;
  private final LogisticModel model;

  public FittedScorer(LogisticModel model) {
    this.model = model;
  }

  public static FittedScorer bundled() {
    return new FittedScorer(LogisticModel.bundled());
  }

  public LogisticModel model() {
    return model;
  }

  @Override
  public Verdict score(List<TraitScore> traits) {
    double[] raw = Features.extract(traits, model.features());
    double p = model.probability(raw);
    Verdict.Label label = model.bands().label(p);
    return new Verdict(p, label, reasons(traits, raw, label));
  }

  private List<String> reasons(List<TraitScore> traits, double[] raw, Verdict.Label label) {
    double sign = label == Verdict.Label.AUTHENTIC ? -1 : 1;
    record Push(String trait, double amount) {}
    List<Push> pushes = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      if (!Double.isNaN(raw[i])) {
        String name = model.features().get(i);
        String trait = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        pushes.add(new Push(trait, sign * model.weights()[i] * model.standardised(i, raw[i])));
      }
    }
    pushes.sort(Comparator.comparingDouble(Push::amount).reversed());
    List<String> out = new ArrayList<>();
    for (Push push : pushes) {
      if (push.amount() <= 0 || out.size() == MAX_REASONS) {
        break;
      }
      // A trait's sentence is a reason only when its own reading points the same way as the verdict.
      traits.stream().filter(t -> t.name().equals(push.trait()) && t.measured() && (t.score() >= 0.5) == (sign > 0))
          .map(TraitScore::why).findFirst().filter(w -> !out.contains(w)).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      out.add("no trait stands out");
    }
    return out;
  }

  @Override
  public String describe() {
    return "logistic " + model.version() + " (synthetic >= " + round(model.syntheticThreshold())
        + ", authentic < " + round(model.authenticThreshold()) + ")";
  }

  private static String round(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }
}
