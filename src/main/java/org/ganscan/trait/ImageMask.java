package org.ganscan.trait;

import java.util.BitSet;
import java.util.Objects;

/**
 * Pixels a trait counted, in image pixels (the decoded image's own frame, not the analysis
 * raster), for the evidence picture.
 *
 * @param pixels set bits are inside, index {@code y * width + x} (copied in and out)
 */
public record ImageMask(int width, int height, BitSet pixels) {
  public ImageMask {
    if (width <= 0 || height <= 0 || pixels.length() > width * height) {
      throw new IllegalArgumentException("mask outside its " + width + "x" + height + " image");
    }
    pixels = (BitSet) pixels.clone();
  }

  @Override
  public BitSet pixels() {
    return (BitSet) pixels.clone();
  }

  public int count() {
    return pixels.cardinality();
  }
}
