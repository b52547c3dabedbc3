/**
 * Learned, vector-valued evidence per face: a model of its own (loaded once per process,
 * {@link org.ganscan.learned.LearnedModel}) gives each worker a session
 * ({@link org.ganscan.learned.LearnedEvidence}) that turns a face into an
 * {@link org.ganscan.learned.Embedding} and, where the model has a head, a probability. A record
 * carries the embedding's size and hash, not its numbers; a linear probe over the numbers is
 * fitted without a sign per dimension ({@code score.Fitter.unconstrained}).
 */
package org.ganscan.learned;
