package org.ganscan;

import org.ganscan.face.FaceModels;
import org.ganscan.scan.Natives;

/** Face models for tests that drive one stage directly, loaded after the same native set-up as the standard scan. */
public final class TestScan {
  private TestScan() {}

  public static FaceModels models() {
    Natives.init();
    return FaceModels.load(false);
  }
}
