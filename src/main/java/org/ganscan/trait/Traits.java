package org.ganscan.trait;

import java.util.List;

/** The traits a scan measures, in output order. */
public final class Traits {
  private Traits() {}

  public static List<Trait> all() {
    return List.of(new EyePositionTrait(), new BackgroundTrait(), new HairTrait(), new EarsTrait(), new CornealHighlightsTrait(), new FrequencyTrait(), new ClippedPixelsTrait(), new TypicalityTrait(), new IrisTrait(),
        RegionTextureTrait.bundled());
  }
}
