package org.ganscan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images made here, for tests that need a valid file but no face (so they run without any sample). */
public final class TestImages {
  private TestImages() {}

  /** A 320x320 photo-like JPEG (smooth gradients plus noise), the same bytes every time. */
  public static byte[] jpeg() {
    return jpeg(13);
  }

  /** A 320x320 photo-like JPEG whose noise comes from {@code seed}. */
  public static byte[] jpeg(long seed) {
    BufferedImage img = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < 320; y++) {
      for (int x = 0; x < 320; x++) {
        int r = Math.min(255, x * 255 / 320 + random.nextInt(24));
        int g = Math.min(255, y * 255 / 320 + random.nextInt(24));
        int b = Math.min(255, (x + y) * 255 / 640 + random.nextInt(24));
        img.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
