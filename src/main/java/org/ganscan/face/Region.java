package org.ganscan.face;

import java.util.BitSet;
import java.util.Objects;

/**
 * A region as a pixel set on the analysis raster (the image shrunk to at most 1024 px).
 *
 * @param width raster width in pixels
 * @param height raster height in pixels
 * @param pixels set bits are inside, index {@code y * width + x}
 * @param scale raster pixels per image pixel
 */
public record Region(RegionKind kind, int width, int height, BitSet pixels, double scale) {
  public Region {
    Objects.requireNonNull(kind, "kind");
    if (width <= 0 || height <= 0 || !(scale > 0)) {
      throw new IllegalArgumentException("bad region raster " + width + "x" + height + " scale " + scale);
    }
    if (pixels.length() > width * height) {
      throw new IllegalArgumentException(kind + ": pixels outside the raster");
    }
    pixels = (BitSet) pixels.clone();
  }

  public boolean contains(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height && pixels.get(y * width + x);
  }

  /** Number of pixels. */
  public int area() {
    return pixels.cardinality();
  }

  /** Share of the raster covered. */
  public double share() {
    return area() / (double) (width * height);
  }

  /** The bit set (a copy). */
  public BitSet bits() {
    return (BitSet) pixels.clone();
  }

  /** The pixel set (a copy). */
  @Override
  public BitSet pixels() {
    return (BitSet) pixels.clone();
  }

  /** Bounding box in raster pixels, or null when empty. */
  public RasterBox bounds() {
    if (pixels.isEmpty()) {
      return null;
    }
    int x0 = width;
    int y0 = height;
    int x1 = -1;
    int y1 = -1;
    for (int i = pixels.nextSetBit(0); i >= 0; i = pixels.nextSetBit(i + 1)) {
      int x = i % width;
      int y = i / width;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    return new RasterBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }
}
