package org.ganscan.face;

/**
 * An axis-aligned box in analysis-raster pixels (the grey raster regions and traits measure on,
 * the image shrunk to at most 1024 px), not image pixels ({@link PixelBox}); {@code scale} raster
 * pixels per image pixel converts between them.
 */
public record RasterBox(int x, int y, int w, int h) {
  public RasterBox {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("raster box must have positive size: " + w + "x" + h);
    }
  }

  /** The same box in image pixels. */
  public PixelBox toImage(double scale) {
    return new PixelBox(x / scale, y / scale, w / scale, h / scale);
  }
}
