package org.ganscan.learned;

/**
 * A learned model loaded once per process; each worker thread opens its own session. Its
 * translator (in {@code inference}) owns the crop, normalisation and output tap.
 */
public interface LearnedModel extends AutoCloseable {
  String name();

  /** sha256 of the model file. */
  String sha256();

  LearnedEvidence newSession();

  @Override
  void close();
}
