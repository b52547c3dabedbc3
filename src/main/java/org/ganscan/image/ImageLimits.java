package org.ganscan.image;

/**
 * How much of one input ganscan will read and decode: the file limit is checked before a byte is
 * read, the pixel limit from the header before a pixel is decoded.
 *
 * @param maxPixels images above this many pixels are refused
 * @param maxFileBytes files above this size are refused
 */
public record ImageLimits(long maxPixels, long maxFileBytes) {
  /** 100 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  /** 1 GiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
  public static final ImageLimits DEFAULT = new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_FILE_BYTES);

  public ImageLimits {
    if (maxPixels <= 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive: " + maxPixels + " pixels, " + maxFileBytes + " bytes");
    }
  }

  /** The same limits with another pixel limit. */
  public ImageLimits withMaxPixels(long pixels) {
    return new ImageLimits(pixels, maxFileBytes);
  }

  /** Reads a file within the file limit. */
  public EncodedFile read(java.nio.file.Path path) throws ImageException {
    return EncodedFile.read(path, maxFileBytes);
  }

  /**
   * The file's pixels within these limits, or empty when it cannot be read or decoded (its scan
   * record already says why): for figures drawn from files a scan has measured.
   */
  public java.util.Optional<org.ganscan.imaging.RgbImage> pixelsOf(java.nio.file.Path path) {
    try {
      return java.util.Optional.of(decoder().decode(read(path)).image());
    } catch (ImageException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** A decoder with the pixel limit. */
  public PortraitDecoder decoder() {
    return new PortraitDecoder(maxPixels);
  }
}
