package org.ganscan.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.face.FaceAnalysis;
import org.ganscan.face.FaceAnalyzer;
import org.ganscan.face.FaceRegions;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.Portrait;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Raster;
import org.ganscan.trait.Trait;
import org.ganscan.trait.TraitInput;

/**
 * What each trait costs on one thread: the inputs (decode, faces, landmarks, the person mask, the
 * regions) are made first and not timed, then each trait measures every main face, after a
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
    Raster raster = new Raster();
    List<TraitInput> inputs = new ArrayList<>();
    try (FaceAnalyzer analyzer = scan.models().newAnalyzer()) {
      for (EncodedFile f : files) {
        if (inputs.size() == maxFaces) {
          break;
        }
        try {
          Portrait p = decoder.decode(f);
          FaceAnalysis a = analyzer.faces(p.image());
          if (a.faces().isEmpty()) {
            continue;
          }
          a = analyzer.withPersonMask(a, p.image());
          GreyImage frame = raster.grey(p.image(), TraitInput.ANALYSIS_SIDE);
          inputs.add(new TraitInput(p, a.faces().get(0), a.personMask(), frame, FaceRegions.of(a.faces().get(0), a.personMask(), frame, raster)));
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
