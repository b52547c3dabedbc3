package org.ganscan.scan;

import java.util.List;
import java.util.Objects;
import org.ganscan.score.Scorer;
import org.ganscan.trait.Trait;

/**
 * What a scan measures and its limits.
 *
 * @param pixelLimit images above this many pixels are refused before decoding
 * @param maxFileBytes files above this size are refused before reading
 */
public record ScanSettings(List<Trait> traits, Scorer scorer, long pixelLimit, long maxFileBytes, EvidenceSink evidence) {
  public ScanSettings(List<Trait> traits, Scorer scorer, long pixelLimit, long maxFileBytes) {
    this(traits, scorer, pixelLimit, maxFileBytes, EvidenceSink.NONE);
  }

  /** The same settings sending evidence to {@code sink}. */
  public ScanSettings withEvidence(EvidenceSink sink) {
    return new ScanSettings(traits, scorer, pixelLimit, maxFileBytes, sink);
  }

  public ScanSettings {
    Objects.requireNonNull(evidence, "evidence");
    traits = List.copyOf(traits);
    Objects.requireNonNull(scorer, "scorer");
    if (pixelLimit <= 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
