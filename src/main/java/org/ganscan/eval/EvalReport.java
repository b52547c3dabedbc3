package org.ganscan.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ganscan.score.FeatureSpace;
import org.ganscan.score.LogisticModel;
import org.ganscan.score.Metrics;
import org.ganscan.trait.TraitScore;

/** The figures of one evaluation, as text lines for the terminal. */
public final class EvalReport {
  private EvalReport() {}

  /** Detection figures on GAN vs real faces. */
  public record Figures(double auc, double tprAt1, double tprAt5, double thresholdAt1, double thresholdAt5, int gan, int real) {}

  public static Figures figures(List<Measured> items, Map<String, Double> scores) {
    double[] pos = scoresOf(items, scores, "gan");
    double[] neg = scoresOf(items, scores, "real");
    double t1 = Metrics.thresholdAtFpr(neg, 0.01);
    double t5 = Metrics.thresholdAtFpr(neg, 0.05);
    return new Figures(Metrics.auc(pos, neg), Metrics.rateAbove(pos, t1), Metrics.rateAbove(pos, t5), t1, t5, pos.length, neg.length);
  }

  /** The AUC's 95 % bootstrap interval, in words. */
  public static String spread(List<Measured> items, Map<String, Double> scores) {
    double[] pos = scoresOf(items, scores, "gan");
    double[] neg = scoresOf(items, scores, "real");
    if (pos.length == 0 || neg.length == 0) {
      return "no bootstrap interval (a class is empty)";
    }
    double[] ci = Metrics.bootstrapAuc(pos, neg, BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED);
    return String.format(Locale.ROOT, "AUC 95%% bootstrap interval %.3f-%.3f", ci[0], ci[1]);
  }

  /**
   * The learned evidence on its own: the region texture's score (the shipped probe's
   * probability, fitted on the train set, never on these files) as the only evidence, on the faces
   * it measures, overall and among FFHQ-aligned faces, with the bootstrap spread.
   */
  public static String learnedAlone(List<Measured> items) {
    Map<String, Double> s = new java.util.HashMap<>();
    List<Measured> measured = new ArrayList<>();
    for (Measured m : items) {
      if (m.hasFace() && (m.item().isGan() || m.item().isReal())) {
        m.traits().stream().filter(t -> t.name().equals(org.ganscan.trait.RegionTextureTrait.NAME) && t.score() != null).findFirst().ifPresent(t -> {
          s.put(m.item().relative(), t.score());
          measured.add(m);
        });
      }
    }
    if (measured.stream().noneMatch(m -> m.item().isGan()) || measured.stream().noneMatch(m -> m.item().isReal())) {
      return "region texture alone: it measures " + measured.size() + " faces here, not both classes (a face needs its eyes at least "
          + (int) org.ganscan.trait.RegionTextureTrait.MIN_INTEROCULAR + " px apart)";
    }
    Figures f = figures(measured, s);
    return String.format(Locale.ROOT, "region texture alone (the shipped probe, never fitted on these files; on the %d GAN and %d real faces it measures):"
        + " ROC AUC %.4f | TPR at 1%% FPR %.3f | at 5%% FPR %.3f | among FFHQ-aligned faces %.4f | %s",
        f.gan(), f.real(), f.auc(), f.tprAt1(), f.tprAt5(), Training.alignedAuc(measured, s), spread(measured, s));
  }

  static final int BOOTSTRAP_ROUNDS = 1000;
  static final long BOOTSTRAP_SEED = 20261201L;

  public static double[] scoresOf(List<Measured> items, Map<String, Double> scores, String label) {
    return items.stream().filter(m -> m.item().label().equals(label)).mapToDouble(m -> scores.get(m.item().relative())).toArray();
  }

  /** How eval's scores were made, for the report's second line. */
  public static String crossValidated(int folds) {
    return String.format(Locale.ROOT, "%d-fold cross-validated on the fitting data (GAN and real; fitted on %s copies, an image's copies always in one fold); other folders scored by the model fitted on all", folds, Degradation.fittingDescription());
  }

  /**
   * @param scoring how the scores were made, in words
   * @param all the model behind the scores (fitted on all the fitting copies): it names the traits
   *     that move each aligned real photo's score
   */
  public static List<String> render(String title, String scoring, List<Measured> items, Map<String, Double> scores, LogisticModel all, FeatureSpace space) {
    Figures f = figures(items, scores);
    List<String> out = new ArrayList<>();
    out.add("== " + title);
    out.add("scores: " + scoring);
    out.add(String.format(Locale.ROOT, "GAN %d vs real %d: ROC AUC %.4f | TPR at 1%% FPR %.3f (threshold %.4f) | TPR at 5%% FPR %.3f (threshold %.4f) | %s",
        f.gan(), f.real(), f.auc(), f.tprAt1(), f.thresholdAt1(), f.tprAt5(), f.thresholdAt5(), spread(items, scores)));
    out.add(String.format(Locale.ROOT, "no face found: GAN %d, real %d (scored 0: not flagged)",
        count(items, "gan", false), count(items, "real", false)));
    out.addAll(perSource(items, scores, f.thresholdAt5()));
    out.addAll(others(items, scores, f));
    out.addAll(alignedReals(items, scores, f.thresholdAt5(), all, space));
    return out;
  }

  /** Rows: variant, relative path, label, aligned, score, then every trait value and detail. */
  public static List<String> featureTable(String variant, List<Measured> items, Map<String, Double> scores) {
    List<String> out = new ArrayList<>();
    for (Measured m : items) {
      StringBuilder b = new StringBuilder();
      b.append(variant).append('\t').append(m.item().relative()).append('\t').append(m.item().label()).append('\t')
          .append(m.item().aligned()).append('\t').append(scores.get(m.item().relative()));
      for (TraitScore t : m.traits()) {
        b.append('\t').append(t.name()).append('=').append(t.value());
        t.detail().forEach((k, v) -> b.append('\t').append(t.name()).append('.').append(k).append('=').append(v));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static long count(List<Measured> items, String label, boolean face) {
    return items.stream().filter(m -> m.item().label().equals(label) && m.hasFace() == face).count();
  }

  private static List<String> perSource(List<Measured> items, Map<String, Double> scores, double t5) {
    Map<String, double[]> acc = new TreeMap<>();
    for (Measured m : items) {
      if (!m.item().isGan() && !m.item().isReal()) {
        continue;
      }
      double[] a = acc.computeIfAbsent(m.item().label() + " | " + m.item().source(), k -> new double[3]);
      double s = scores.get(m.item().relative());
      a[0]++;
      a[1] += s;
      a[2] += s >= t5 ? 1 : 0;
    }
    List<String> out = new ArrayList<>();
    out.add("per source (n, mean score, share at or above the 5%-FPR threshold):");
    acc.forEach((k, a) -> out.add(String.format(Locale.ROOT, "  %-100.100s n=%3d mean=%.3f above=%.2f", k, (int) a[0], a[1] / a[0], a[2] / a[0])));
    return out;
  }

  private static List<String> others(List<Measured> items, Map<String, Double> scores, Figures f) {
    List<String> out = new ArrayList<>();
    for (String label : List.of("diffusion", "noface")) {
      double[] s = scoresOf(items, scores, label);
      if (s.length > 0) {
        out.add(String.format(Locale.ROOT, "%s (reported apart; not GAN): n=%d, with a face %d, at or above the 1%%/5%%-FPR thresholds %.2f/%.2f",
            label, s.length, count(items, label, true), Metrics.rateAbove(s, f.thresholdAt1()), Metrics.rateAbove(s, f.thresholdAt5())));
      }
    }
    return out;
  }

  private static List<String> alignedReals(List<Measured> items, Map<String, Double> scores, double t5, LogisticModel model, FeatureSpace space) {
    List<Measured> aligned = items.stream().filter(m -> m.item().isReal() && m.item().aligned().equals("yes")).toList();
    List<String> out = new ArrayList<>();
    if (aligned.isEmpty()) {
      return out;
    }
    long above = aligned.stream().filter(m -> scores.get(m.item().relative()) >= t5).count();
    out.add(sameCrop(items, scores, t5));
    out.add(String.format(Locale.ROOT, "real FFHQ-aligned photos: %d, of which %d at or above the 5%%-FPR threshold; the traits that move the logit of the model fitted on all most (down clears, up flags):", aligned.size(), above));
    for (Measured m : aligned) {
      double s = scores.get(m.item().relative());
      out.add(String.format(Locale.ROOT, "  %s %.3f %s  %s", s >= t5 ? "FLAGGED" : "cleared", s, m.item().relative(), pulls(model, space, m.traits())));
    }
    return out;
  }

  /**
   * The score's separation among FFHQ-aligned faces alone, where the eye position cannot tell the
   * classes apart and only the other traits can.
   */
  private static String sameCrop(List<Measured> items, Map<String, Double> scores, double t5) {
    List<Measured> aligned = items.stream().filter(m -> m.item().aligned().equals("yes")).toList();
    double[] pos = scoresOf(aligned, scores, "gan");
    double[] neg = scoresOf(aligned, scores, "real");
    String head = String.format(Locale.ROOT, "FFHQ-aligned faces alone (one crop, so eye position cannot separate them): GAN %d vs real %d", pos.length, neg.length);
    if (pos.length == 0) {
      return head + ": no aligned GAN face to compare";
    }
    double[] ci = Metrics.bootstrapAuc(pos, neg, BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED);
    return head + String.format(Locale.ROOT, ": ROC AUC %.4f | at or above the 5%%-FPR threshold: GAN %.3f, real %.3f | AUC 95%% bootstrap interval %.3f-%.3f",
        Metrics.auc(pos, neg), Metrics.rateAbove(pos, t5), Metrics.rateAbove(neg, t5), ci[0], ci[1]);
  }

  /**
   * The traits that pull the model's logit down most, then the one that pushes it up most,
   * each with its summed contribution; traits the model does not weigh are left out.
   */
  private static String pulls(LogisticModel model, FeatureSpace space, List<TraitScore> traits) {
    double[] c = model.contributions(space.extract(traits, model.features()));
    Map<String, Double> byTrait = new TreeMap<>();
    for (int i = 0; i < c.length; i++) {
      byTrait.merge(space.feature(model.features().get(i)).trait(), c[i], Double::sum);
    }
    List<Map.Entry<String, Double>> sorted = byTrait.entrySet().stream().filter(e -> e.getValue() != 0)
        .sorted(Map.Entry.comparingByValue()).toList();
    List<String> parts = new ArrayList<>();
    sorted.stream().filter(e -> e.getValue() < 0).limit(2).forEach(e -> parts.add(String.format(Locale.ROOT, "%s %+.2f", e.getKey(), e.getValue())));
    if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).getValue() > 0) {
      Map.Entry<String, Double> up = sorted.get(sorted.size() - 1);
      parts.add(String.format(Locale.ROOT, "%s %+.2f", up.getKey(), up.getValue()));
    }
    return parts.isEmpty() ? "(no weighed trait measured)" : String.join(", ", parts);
  }
}
