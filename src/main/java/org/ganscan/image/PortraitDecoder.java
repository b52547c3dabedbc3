package org.ganscan.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.ganscan.imaging.Decoder;
import org.ganscan.imaging.RgbImage;

/**
 * Turns an input file's bytes into a {@link Portrait}: format by content, size checked against the
 * pixel limit from the header alone, completeness checked, then decoded. Thread-safe.
 */
public final class PortraitDecoder {
  private final long pixelLimit;
  private final Decoder decoder = new Decoder();

  public PortraitDecoder(long pixelLimit) {
    if (pixelLimit <= 0) {
      throw new IllegalArgumentException("pixel limit must be positive: " + pixelLimit);
    }
    this.pixelLimit = pixelLimit;
  }

  /** Reads the header and refuses the file if it is over the pixel limit. */
  public ImageHeader header(EncodedFile file) throws ImageException {
    ImageHeader header = ImageHeader.read(file.shared());
    if (header.pixels() > pixelLimit) {
      throw new ImageException(
          String.format(
              "image too large: %dx%d = %.1f megapixels exceeds the limit of %.1f megapixels (--max-megapixels)",
              header.width(), header.height(), header.pixels() / 1e6, pixelLimit / 1e6));
    }
    return header;
  }

  public Portrait decode(EncodedFile file) throws ImageException {
    ImageHeader header = header(file);
    Completeness.check(header.format(), file.shared());
    Optional<RgbImage> image =
        switch (header.format()) {
          case GIF -> firstGifFrame(file.shared());
          case PNG -> decoder.decodeWithAlpha(file.shared());
          case WEBP -> decoder.decodeWithAlpha(WebpFrames.firstFrame(file.shared()).orElse(file.shared()));
          default -> decoder.decodeOriented(file.shared());
        };
    RgbImage pixels =
        image.orElseThrow(() -> new ImageException("corrupt " + header.format().label() + ": the decoder could not read the pixel data"));
    return new Portrait(file.path(), file.sha256(), header.format(), pixels);
  }

  /** OpenCV 4.9 has no GIF reader; the JDK's reads the first frame. */
  private static Optional<RgbImage> firstGifFrame(byte[] bytes) throws ImageException {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img == null) {
        return Optional.empty();
      }
      int w = img.getWidth();
      int h = img.getHeight();
      byte[] rgb = new byte[w * h * 3];
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        img.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          int argb = row[x];
          int a = argb >>> 24;
          int i = (y * w + x) * 3;
          rgb[i] = (byte) blendWhite((argb >> 16) & 0xFF, a);
          rgb[i + 1] = (byte) blendWhite((argb >> 8) & 0xFF, a);
          rgb[i + 2] = (byte) blendWhite(argb & 0xFF, a);
        }
      }
      return Optional.of(new RgbImage(w, h, rgb));
    } catch (IOException | RuntimeException e) {
      throw new ImageException("corrupt gif: " + e.getMessage(), e);
    }
  }

  private static int blendWhite(int c, int alpha) {
    return (c * alpha + 255 * (255 - alpha) + 127) / 255;
  }
}
