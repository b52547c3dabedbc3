package org.ganscan.score;

import java.util.List;
import java.util.Map;

/**
 * Turns labelled samples into a logistic model. Cross-validation takes one as a parameter, so the
 * direction-constrained trait fit ({@link Fitter#constrained}) and an unconstrained probe over
 * learned embeddings ({@link Fitter#unconstrained}) are validated the same way.
 */
@FunctionalInterface
public interface FitStep {
  /**
   * @param provenance facts to record with the model (data hash, variant, ...)
   */
  LogisticModel fit(List<Sample> samples, Map<String, Object> provenance);
}
