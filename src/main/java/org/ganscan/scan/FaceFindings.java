package org.ganscan.scan;

import java.util.Objects;
import org.ganscan.face.FaceRegions;
import org.ganscan.image.Portrait;

/** What an evidence writer (overlays) needs beyond the result: the pixels and the main face's regions. */
public record FaceFindings(Portrait portrait, FaceRegions mainRegions) {
  public FaceFindings {
    Objects.requireNonNull(portrait);
    Objects.requireNonNull(mainRegions);
  }
}
