package org.ganscan.trait;

import java.util.List;

/** The traits a scan measures, in output order. */
public final class Traits {
  private Traits() {}

  public static List<Trait> all() {
    return List.of(new EyePositionTrait(), new BackgroundTrait(), new HairTrait(), new EarsTrait(), new EyesTrait(), new FrequencyTrait(), new HighlightsTrait(), new TypicalityTrait(), new IrisTrait());
  }
}
