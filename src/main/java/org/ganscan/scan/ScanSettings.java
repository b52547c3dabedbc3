package org.ganscan.scan;

import java.time.Duration;
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
 * @param perFile how long one file may take; past it the file gets an error record and the batch moves on
 * @param budget the pixels all workers may have decoded at once (shared by every pipeline of the scan)
 * @param evidence receives each image with a face while its pixels are at hand (overlays)
 * @param cascade skip the person mask, and the traits that need it, on an image whose verdict the
 *     other traits settle ({@link org.ganscan.score.Scorer#settledWithout}); never while evidence
 *     is collected, which needs every trait. Off unless asked for: fitting and evaluation need
 *     every feature
 */
public record ScanSettings(
    List<Trait> traits, Scorer scorer, ImageLimits limits, List<LearnedModel> learned, EvidenceSink evidence, Duration perFile,
    PixelBudget budget, boolean cascade) {
  /** How long one file may take by default before it gets an error record and the batch moves on. */
  public static final Duration DEFAULT_PER_FILE = Duration.ofSeconds(60);

  public ScanSettings(List<Trait> traits, Scorer scorer, ImageLimits limits) {
    this(traits, scorer, limits, List.of(), EvidenceSink.NONE, DEFAULT_PER_FILE, PixelBudget.ofHeap(), false);
  }

  /** The same settings sending evidence to {@code sink}. */
  public ScanSettings withEvidence(EvidenceSink sink) {
    return new ScanSettings(traits, scorer, limits, learned, sink, perFile, budget, cascade);
  }

  /** The same settings also running these learned models on every face. */
  public ScanSettings withLearned(List<LearnedModel> models) {
    return new ScanSettings(traits, scorer, limits, models, evidence, perFile, budget, cascade);
  }

  /** The same settings with another per-file time limit. */
  public ScanSettings withPerFile(Duration limit) {
    return new ScanSettings(traits, scorer, limits, learned, evidence, limit, budget, cascade);
  }

  /** The same settings with the cascade on or off. */
  public ScanSettings withCascade(boolean on) {
    return new ScanSettings(traits, scorer, limits, learned, evidence, perFile, budget, on);
  }

  public ScanSettings {
    traits = List.copyOf(traits);
    learned = List.copyOf(learned);
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(budget, "budget");
    if (perFile == null || perFile.isNegative() || perFile.isZero()) {
      throw new IllegalArgumentException("the per-file time limit must be positive: " + perFile);
    }
  }
}
