package org.ganscan.score;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tree learners from Tribuo (a CART tree and a random forest) fitted on the same samples as the
 * logistic score, so 'ganscan train' can compare them on validation. They are compared, not
 * shipped: a tree's verdict cannot be explained trait by trait the way the logistic's can, so one
 * would have to beat it clearly to earn a place. Missing features take the training mean, as they
 * do in the logistic.
 */
public final class TreeLearners {
  private TreeLearners() {}

  /** A fitted learner: its name and its probability of synthetic for raw feature values. */
  public record Fitted(String name, ToDoubleFunction<double[]> probability) {}

  public static List<Fitted> fit(List<Sample> samples, List<String> names, long seed) {
    double[] means = new double[names.size()];
    Standardiser.fill(samples, means, new double[names.size()]);
    String[] featureNames = names.toArray(String[]::new);
    LabelFactory factory = new LabelFactory();
    List<Example<Label>> examples = new ArrayList<>();
    for (Sample s : samples) {
      examples.add(new ArrayExample<>(new Label(s.synthetic() ? Fitter.SYNTHETIC : Fitter.REAL), featureNames, imputed(s.features(), means)));
    }
    MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("ganscan trait features", factory)));
    List<Fitted> out = new ArrayList<>();
    out.add(fitted("CART tree (depth 6)", new CARTClassificationTrainer(6, 1.0f, seed), data, featureNames, means));
    Trainer<Label> forest = new RandomForestTrainer<>(new CARTClassificationTrainer(8, 0.5f, seed), new VotingCombiner(), 200, seed);
    out.add(fitted("random forest (200 CART trees, depth 8, half the features per split)", forest, data, featureNames, means));
    return out;
  }

  private static Fitted fitted(String name, Trainer<Label> trainer, MutableDataset<Label> data, String[] featureNames, double[] means) {
    Model<Label> model = trainer.train(data);
    return new Fitted(name, raw -> {
      Prediction<Label> p = model.predict(new ArrayExample<>(new Label(Fitter.REAL), featureNames, imputed(raw, means)));
      Label syn = p.getOutputScores().get(Fitter.SYNTHETIC);
      return syn == null ? 0 : syn.getScore();
    });
  }

  private static double[] imputed(double[] raw, double[] means) {
    double[] x = raw.clone();
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        x[i] = means[i];
      }
    }
    return x;
  }
}
