package org.ganscan.scan;

import java.util.Map;
import java.util.Objects;
import org.ganscan.face.FaceRegions;
import org.ganscan.image.Portrait;
import org.ganscan.trait.ImageMask;

/**
 * What an evidence writer (overlays) needs beyond the result: the pixels, the main face's regions
 * and the pixels its traits counted (keyed by trait name, in image pixels).
 */
public record FaceFindings(Portrait portrait, FaceRegions mainRegions, Map<String, ImageMask> marks) {
  public FaceFindings {
    Objects.requireNonNull(portrait);
    Objects.requireNonNull(mainRegions);
    marks = Map.copyOf(marks);
  }
}
