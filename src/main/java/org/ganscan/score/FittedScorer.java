package org.ganscan.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ganscan.cache.ResourceCache;
import org.ganscan.trait.TraitScore;

/**
 * Scores an image with the fitted logistic model and explains it: the reasons are the sentences of
 * the traits that pushed the score furthest in the direction of the verdict.
 */
public final class FittedScorer implements Scorer {
  private static final int MAX_REASONS = 3;
  private final LogisticModel model;
  private final FeatureSpace space;
  private final ModelIdentity identity;

  /**
   * @throws FeatureSpace.FeatureMismatchException when the model uses a feature the space does not declare
   */
  public FittedScorer(LogisticModel model, FeatureSpace space, ModelIdentity identity) {
    space.requireDeclared(model.features(), "score model " + identity.file() + " (sha256 " + identity.sha256() + ")");
    this.model = model;
    this.space = space;
    this.identity = identity;
  }

  /** The model shipped in the jar, checked against the traits' declared features. */
  public static FittedScorer bundled(FeatureSpace space) {
    return fromBytes(LogisticModel.bundledBytes(), LogisticModel.RESOURCE.substring(LogisticModel.RESOURCE.lastIndexOf('/') + 1), space);
  }

  /** A model file's bytes (e.g. one a user fitted), checked against the traits' declared features. */
  public static FittedScorer fromBytes(byte[] json, String fileName, FeatureSpace space) {
    LogisticModel model = LogisticModel.parse(json, fileName);
    return new FittedScorer(model, space, new ModelIdentity(fileName, ResourceCache.sha256(json), model.fittedOn()));
  }

  @Override
  public Optional<ModelIdentity> identity() {
    return Optional.of(identity);
  }

  public LogisticModel model() {
    return model;
  }

  @Override
  public Verdict score(List<TraitScore> traits) {
    double[] raw = space.extract(traits, model.features());
    double p = model.probability(raw);
    Verdict.Label label = model.bands().label(p);
    return new Verdict(p, label, reasons(traits, raw, label));
  }

  /**
   * Settled when the logit's whole reach over the pending traits' features (each from the low to
   * the high end of the raw values it counts, or missing) stays in one verdict band. A pending
   * feature with a weight and no counted range can move the score without bound: never settled.
   */
  @Override
  public Optional<Verdict> settledWithout(List<TraitScore> measured, java.util.Set<String> pending) {
    double[] raw = space.extract(measured, model.features());
    double low = model.bias();
    double high = model.bias();
    for (int i = 0; i < raw.length; i++) {
      org.ganscan.trait.Feature f = space.feature(model.features().get(i));
      if (!pending.contains(f.trait())) {
        double c = model.weight(i) * model.standardised(i, raw[i]);
        low += c;
        high += c;
        continue;
      }
      if (model.weight(i) == 0) {
        continue;
      }
      double[] seen = f.seenBounds();
      if (seen == null) {
        return Optional.empty();
      }
      double a = model.weight(i) * model.standardised(i, seen[0]);
      double b = model.weight(i) * model.standardised(i, seen[1]);
      low += Math.min(0, Math.min(a, b)); // 0: the feature missing, as the training mean
      high += Math.max(0, Math.max(a, b));
    }
    Verdict.Label lowest = model.bands().label(1 / (1 + Math.exp(-low)));
    Verdict.Label highest = model.bands().label(1 / (1 + Math.exp(-high)));
    return lowest == highest ? Optional.of(score(measured)) : Optional.empty();
  }

  private List<String> reasons(List<TraitScore> traits, double[] raw, Verdict.Label label) {
    double sign = label == Verdict.Label.AUTHENTIC ? -1 : 1;
    record Push(String trait, double amount) {}
    List<Push> pushes = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      if (!Double.isNaN(raw[i])) {
        String trait = space.feature(model.features().get(i)).trait();
        pushes.add(new Push(trait, sign * model.weight(i) * model.standardised(i, raw[i])));
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
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
