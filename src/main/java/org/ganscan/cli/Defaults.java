package org.ganscan.cli;

import java.util.List;
import org.ganscan.face.FaceModels;
import org.ganscan.report.ToolInfo;
import org.ganscan.scan.ScanSettings;
import org.ganscan.score.FittedScorer;
import org.ganscan.score.Scorer;
import org.ganscan.trait.Traits;
import org.ganscan.trait.Trait;

/** The traits and scorer a scan uses. */
final class Defaults {
  private Defaults() {}

  static ScanSettings settings(long pixelLimit) {
    List<Trait> traits = Traits.all();
    Scorer scorer = FittedScorer.bundled();
    return new ScanSettings(traits, scorer, pixelLimit, 1L << 30);
  }

  /** Worker threads: the user's choice, else one per CPU. */
  static int workers(Integer requested) {
    return requested == null ? Runtime.getRuntime().availableProcessors() : requested;
  }

  static ToolInfo tool(FaceModels models, ScanSettings settings) {
    return new ToolInfo(ToolInfo.currentVersion(), models.checksums(), settings.scorer().describe());
  }
}
