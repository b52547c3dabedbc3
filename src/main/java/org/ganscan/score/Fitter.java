package org.ganscan.score;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the logistic model with Tribuo's linear SGD trainer (log loss, AdaGrad, fixed seed) on
 * standardised features, then exports it as plain weights: for two classes the softmax of
 * Tribuo's two rows is exactly the logistic of their difference. Each weight must point the way
 * its trait declares ({@link org.ganscan.trait.Feature#direction()}); a feature whose fitted weight
 * points against it is dropped and the model refitted, and the provenance says which and why.
 */
public final class Fitter implements FitStep {
  static final String SYNTHETIC = "synthetic";
  static final String REAL = "real";
  private static final int EPOCHS = 200;
  private static final long SEED = 20261122L;

  /** Where each feature's direction is declared; null for an unconstrained fit. */
  private final FeatureSpace space;
  private final List<String> names;
  private final String version;

  private Fitter(FeatureSpace space, List<String> names, String version) {
    this.space = space;
    this.names = List.copyOf(names);
    this.version = Objects.requireNonNull(version, "version");
  }

  /**
   * The trait fit: every weight keeps its declared direction.
   *
   * @param names the features to fit, in the samples' order
   * @param version the fitted model's version, recorded in the model file
   */
  public static Fitter constrained(FeatureSpace space, List<String> names, String version) {
    space.requireDeclared(names, "the fit");
    return new Fitter(space, names, version);
  }

  /** The trait fit over every feature the space declares. */
  public static Fitter constrained(FeatureSpace space, String version) {
    return constrained(space, space.names(), version);
  }

  /**
   * A fit that demands no sign per dimension, for learned embeddings whose dimensions have no
   * declared meaning (a linear probe).
   */
  public static Fitter unconstrained(List<String> names, String version) {
    return new Fitter(null, names, version);
  }

  /**
   * Fits on the samples.
   *
   * @param provenance facts to record with the model (data hash, variant, ...)
   */
  @Override
  public LogisticModel fit(List<Sample> samples, Map<String, Object> provenance) {
    int n = names.size();
    double[] means = new double[n];
    double[] scales = new double[n];
    Standardiser.fill(samples, means, scales);
    LogisticModel standardiser = new LogisticModel("tmp", names, means, scales, new double[n], 0, 1, 0, Map.of());
    List<String> active = new ArrayList<>(names);
    Map<String, String> excluded = new LinkedHashMap<>();
    while (true) {
      Fit fit = fitOnce(samples, standardiser, active);
      String worst = worstAgainstDirection(fit.weights());
      if (worst == null) {
        Map<String, Object> facts = new LinkedHashMap<>(provenance);
        facts.put("excluded_features", excluded);
        return export(fit, means, scales, facts, samples.size());
      }
      excluded.put(worst, String.format(Locale.ROOT,
          "fitted weight %.3f points against the trait's direction (%+d); refitted without it", fit.weights()[names.indexOf(worst)], direction(worst)));
      active.remove(worst);
    }
  }

  private record Fit(double[] weights, double bias, String trainer) {}

  /** The feature whose weight most contradicts its trait's direction, or null when none does. */
  private String worstAgainstDirection(double[] weights) {
    if (space == null) {
      return null;
    }
    String worst = null;
    double most = 0;
    for (int i = 0; i < names.size(); i++) {
      double against = -direction(names.get(i)) * weights[i];
      if (against > most) {
        most = against;
        worst = names.get(i);
      }
    }
    return worst;
  }

  private int direction(String name) {
    return space.direction(name);
  }

  private Fit fitOnce(List<Sample> samples, LogisticModel standardiser, List<String> active) {
    LabelFactory factory = new LabelFactory();
    List<org.tribuo.Example<Label>> examples = new ArrayList<>();
    String[] featureNames = active.toArray(String[]::new);
    for (Sample s : samples) {
      double[] z = new double[active.size()];
      for (int j = 0; j < z.length; j++) {
        int i = names.indexOf(active.get(j));
        z[j] = standardiser.standardised(i, s.feature(i));
      }
      examples.add(new ArrayExample<>(new Label(s.synthetic() ? SYNTHETIC : REAL), featureNames, z));
    }
    var source = new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("ganscan trait features", factory));
    MutableDataset<Label> data = new MutableDataset<>(source);
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), EPOCHS, Integer.MAX_VALUE, 1, SEED);
    LinearSGDModel model = trainer.train(data);
    DenseMatrix w = model.getWeightsCopy();
    int syn = model.getOutputIDInfo().getID(new Label(SYNTHETIC));
    int real = model.getOutputIDInfo().getID(new Label(REAL));
    int biasColumn = w.getDimension2Size() - 1;
    if (syn < 0 || real < 0 || biasColumn < 0) {
      throw new IllegalStateException("unexpected Tribuo weights " + w.getDimension1Size() + "x" + w.getDimension2Size()
          + " outputs " + model.getOutputIDInfo().getDomain() + " features " + model.getFeatureIDMap().size());
    }
    double[] weights = new double[names.size()];
    for (String name : active) {
      int id = model.getFeatureIDMap().getID(name);
      weights[names.indexOf(name)] = id < 0 ? 0 : w.get(syn, id) - w.get(real, id);
    }
    return new Fit(weights, w.get(syn, biasColumn) - w.get(real, biasColumn), trainer.toString());
  }

  private LogisticModel export(Fit fit, double[] means, double[] scales, Map<String, Object> facts, int count) {
    Map<String, Object> provenance = new LinkedHashMap<>(facts);
    provenance.put("fitted_on", LocalDate.now().toString());
    provenance.put("samples", count);
    provenance.put("trainer", fit.trainer());
    provenance.put("library", "Tribuo 4.3.2");
    return new LogisticModel(version, names, means, scales, fit.weights(), fit.bias(), 1, 0, provenance);
  }

}
