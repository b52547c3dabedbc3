package org.ganscan.scan;

import java.util.List;
import java.util.Objects;
import org.ganscan.image.ImageLimits;
import org.ganscan.learned.LearnedModel;
import org.ganscan.score.Scorer;
import org.ganscan.trait.Trait;

/**
 * What a scan measures and its limits. {@link StandardScan#settings} builds the standard one.
 *
 * @param limits what one input may cost to read and decode
 * @param learned learned models run on every face (per-process models; each worker opens a session)
 * @param evidence receives each image with a face while its pixels are at hand (overlays)
 */
public record ScanSettings(List<Trait> traits, Scorer scorer, ImageLimits limits, List<LearnedModel> learned, EvidenceSink evidence) {
  public ScanSettings(List<Trait> traits, Scorer scorer, ImageLimits limits) {
    this(traits, scorer, limits, List.of(), EvidenceSink.NONE);
  }

  /** The same settings sending evidence to {@code sink}. */
  public ScanSettings withEvidence(EvidenceSink sink) {
    return new ScanSettings(traits, scorer, limits, learned, sink);
  }

  /** The same settings also running these learned models on every face. */
  public ScanSettings withLearned(List<LearnedModel> models) {
    return new ScanSettings(traits, scorer, limits, models, evidence);
  }

  public ScanSettings {
    traits = List.copyOf(traits);
    learned = List.copyOf(learned);
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(evidence, "evidence");
  }
}
