package org.ganscan.learned;

import org.ganscan.face.Face;
import org.ganscan.image.Portrait;

/** One worker's session of a learned model. Not thread-safe; never modifies its input. */
public interface LearnedEvidence extends AutoCloseable {
  /** The face's embedding (and probability, where the model has a head). */
  Embedding measure(Portrait portrait, Face face);

  @Override
  void close();
}
