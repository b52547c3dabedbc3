package org.ganscan.eval;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.ganscan.cache.ResourceCache;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.imaging.RgbImage;

/**
 * The copy of a training image that is measured: both classes get the same treatment, so nothing
 * but content carries the label. Each image is shrunk to a random longest side in
 * [{@link #MIN_SIDE}, {@link #MAX_SIDE}] px (never enlarged: every training source is at least
 * 128 px, so both classes end with one size mix, whatever their native size), given a random JPEG
 * history of 1-2 saves at quality 60-95, then the avatar treatment (JPEG q85). The draw is seeded
 * by the run's seed and the file's sha256, so a run is repeatable and resumable.
 *
 * <p>The texture copy ({@link #nativeSize}) keeps the image's own size and gets the same JPEG
 * history: the region texture is measured at one face scale anyway, and only a face reduced to
 * it from its native size keeps the texture a scanned avatar shows.
 */
public final class TrainingCopy implements Copier {
  static final int MIN_SIDE = 96;
  static final int MAX_SIDE = 128;
  static final int MIN_QUALITY = 60;
  static final int MAX_QUALITY = 95;
  static final int FINAL_QUALITY = 85;
  private final long seed;
  private final boolean shrink;

  public TrainingCopy(long seed) {
    this(seed, true);
  }

  private TrainingCopy(long seed, boolean shrink) {
    this.seed = seed;
    this.shrink = shrink;
  }

  /** The copy the region texture probe is fitted on: the image's own size, the same JPEG history. */
  public static TrainingCopy nativeSize(long seed) {
    return new TrainingCopy(seed, false);
  }

  /** The treatment in words, for the model card. */
  public static String description() {
    return "shrunk to a random longest side in [" + MIN_SIDE + ", " + MAX_SIDE + "] px (never enlarged), " + history();
  }

  /** The texture copy's treatment in words. */
  public static String nativeDescription() {
    return "kept at its own size, " + history();
  }

  private static String history() {
    return "a random JPEG history of 1-2 saves at q" + MIN_QUALITY + "-" + MAX_QUALITY + ", then JPEG q" + FINAL_QUALITY + "; seeded per file";
  }

  @Override
  public Optional<EncodedFile> copy(EncodedFile file, PortraitDecoder decoder, Encoder encoder) {
    Random r = new Random(seed ^ HexFormat.fromHexDigitsToLong(file.sha256().substring(0, 16)));
    try {
      RgbImage image = decoder.decode(file).image();
      int side = MIN_SIDE + r.nextInt(MAX_SIDE - MIN_SIDE + 1);
      if (shrink) {
        image = encoder.fitWithin(image, side);
      }
      int saves = 1 + r.nextInt(2);
      for (int i = 0; i < saves; i++) {
        byte[] jpeg = encoder.jpeg(image, MIN_QUALITY + r.nextInt(MAX_QUALITY - MIN_QUALITY + 1));
        image = decoder.decode(new EncodedFile(Path.of("history.jpg"), jpeg, ResourceCache.sha256(jpeg))).image();
      }
      byte[] out = encoder.jpeg(image, FINAL_QUALITY);
      return Optional.of(new EncodedFile(Path.of(file.path() + (shrink ? "#train" : "#texture")), out, ResourceCache.sha256(out)));
    } catch (ImageException e) {
      return Optional.empty();
    }
  }
}
