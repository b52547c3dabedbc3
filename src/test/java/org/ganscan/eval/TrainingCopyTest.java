package org.ganscan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ganscan.cache.ResourceCache;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageLimits;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.imaging.RgbImage;
import org.junit.jupiter.api.Test;

/** The score's training copies keep only the sizes both classes share, so size cannot carry the label. */
class TrainingCopyTest {
  private final Encoder encoder = new Encoder();
  private final PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();

  private LabelledItem item(String label, int side, int seed) {
    Random r = new Random(seed);
    byte[] rgb = new byte[side * side * 3];
    r.nextBytes(rgb);
    byte[] png = encoder.png(new RgbImage(side, side, rgb));
    return new LabelledItem(label + "/" + seed + ".png", label, "test", "no", new EncodedFile(Path.of(seed + ".png"), png, ResourceCache.sha256(png)));
  }

  private int side(TrainingCopy copy, LabelledItem i) throws Exception {
    var h = decoder.header(copy.copy(i.file(), decoder, encoder).orElseThrow());
    return Math.max(h.width(), h.height());
  }

  @Test
  void sizesBothClassesShareAreKeptAndEveryOtherIsShrunk() throws Exception {
    LabelledItem gan128 = item("gan", 128, 1);
    LabelledItem gan256 = item("gan", 256, 2);
    LabelledItem real256 = item("real", 256, 3);
    LabelledItem real200 = item("real", 200, 4);
    TrainingCopy copy = TrainingCopy.forSet(7, List.of(gan128, gan256, real256, real200), decoder);
    assertEquals(Set.of(256), copy.keptSides());
    assertEquals(256, side(copy, gan256));
    assertEquals(256, side(copy, real256));
    // 128 px exists among GAN images only, 200 px among real ones: both shrunk into [96, 128].
    for (LabelledItem shrunk : List.of(gan128, real200)) {
      int s = side(copy, shrunk);
      assertTrue(s >= TrainingCopy.MIN_SIDE && s <= TrainingCopy.MAX_SIDE, shrunk.relative() + ": " + s);
    }
    assertEquals(200, side(TrainingCopy.nativeSize(7), real200), "the texture copy keeps every size");
    assertTrue(copy.describe().contains("[256] px"), copy.describe());
    // The copies are JPEG re-saves, not the file, and the same seed gives the same bytes.
    byte[] a = copy.copy(real256.file(), decoder, encoder).orElseThrow().bytes();
    assertEquals(ResourceCache.sha256(a), ResourceCache.sha256(copy.copy(real256.file(), decoder, encoder).orElseThrow().bytes()));
    assertNotEquals(real256.file().sha256(), ResourceCache.sha256(a));
  }
}
