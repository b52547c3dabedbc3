package org.ganscan.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.trait.Trait;
import org.ganscan.trait.TraitInput;

/**
 * What each trait costs on one thread: the inputs (decode, then the full analysis's faces,
 * landmarks, person mask and regions, by {@link Pipeline}) are made first and not timed, then each trait measures every main face, after a
 * warm-up pass. For the benchmark's per-stage figures.
 */
public final class TraitCosts {
  private TraitCosts() {}

  /**
   * What each trait cost.
   *
   * @param faces how many main faces every trait measured
   * @param msPerFace milliseconds per face for each of the scan's traits, in output order
   */
  public record Costs(int faces, Map<String, Double> msPerFace) {
    public Costs {
      msPerFace = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(msPerFace));
    }
  }

  /** Each trait's cost over the main faces of the first {@code maxFaces} files that have one. */
  public static Costs measure(StandardScan scan, List<EncodedFile> files, int maxFaces) {
    PortraitDecoder decoder = scan.settings().limits().decoder();
    List<TraitInput> inputs = new ArrayList<>();
    try (Pipeline pipeline = scan.pipeline()) {
      for (EncodedFile f : files) {
        if (inputs.size() == maxFaces) {
          break;
        }
        try {
          pipeline.mainFaceInput(decoder.decode(f)).ifPresent(inputs::add);
        } catch (ImageException e) {
          // not part of the figure
        }
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Trait t : scan.settings().traits()) {
      inputs.forEach(t::measure); // warm-up
      long start = System.nanoTime();
      inputs.forEach(t::measure);
      out.put(t.name(), inputs.isEmpty() ? Double.NaN : (System.nanoTime() - start) / 1e6 / inputs.size());
    }
    return new Costs(inputs.size(), out);
  }
}
