package org.ganscan.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.ganscan.cache.ResourceCache;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.imaging.RgbImage;

/**
 * The copy of a training image that is measured: both classes get the same treatment, so nothing
 * but content carries the label. An image keeps its own size where the training set holds images
 * of the other class with the same longest side ({@link #forSet}: a size both classes share
 * cannot tell them apart); any other is shrunk to a random longest side in [{@link #MIN_SIDE},
 * {@link #MAX_SIDE}] px (never enlarged), the range every size of the set reaches. Each gets a
 * random JPEG history of 1-2 saves at quality 60-95, then the avatar treatment (JPEG q85). The
 * draw is seeded by the run's seed and the file's sha256, so a run is repeatable and resumable.
 *
 * <p>The texture copy ({@link #nativeSize}) keeps every image's own size and gets the same JPEG
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
  /** Longest sides an image keeps; null: every image keeps its own size. */
  private final Set<Integer> kept;

  /** Every image shrunk into [{@link #MIN_SIDE}, {@link #MAX_SIDE}] px. */
  public TrainingCopy(long seed) {
    this(seed, Set.of());
  }

  private TrainingCopy(long seed, Set<Integer> kept) {
    this.seed = seed;
    this.kept = kept == null ? null : Set.copyOf(kept);
  }

  /** The copy the region texture probe is fitted on: the image's own size, the same JPEG history. */
  public static TrainingCopy nativeSize(long seed) {
    return new TrainingCopy(seed, null);
  }

  /**
   * The score's copies of a labelled set: sizes that GAN and real images of the set share are
   * kept, every other is shrunk (files that are not images are left to the copy, which skips them).
   */
  public static TrainingCopy forSet(long seed, List<LabelledItem> items, PortraitDecoder decoder) {
    Map<String, Set<Integer>> sides = new HashMap<>();
    for (LabelledItem i : items) {
      longestSide(i, decoder).ifPresent(side -> sides.computeIfAbsent(i.label(), k -> new TreeSet<>()).add(side));
    }
    Set<Integer> shared = new TreeSet<>(sides.getOrDefault("gan", Set.of()));
    shared.retainAll(sides.getOrDefault("real", Set.of()));
    return new TrainingCopy(seed, shared);
  }

  /**
   * The items whose copy this treatment resizes: only their texture needs a copy of its own
   * ({@link #nativeSize}); every other copy is already the texture copy, byte for byte (the same
   * seed draws the same JPEG history). Files whose header cannot be read are left out, as the copy
   * leaves them out.
   */
  public List<LabelledItem> resized(List<LabelledItem> items, PortraitDecoder decoder) {
    return items.stream().filter(i -> longestSide(i, decoder).stream().anyMatch(side -> !keeps(side))).toList();
  }

  /** Whether a copy of an image with this longest side keeps its size. */
  private boolean keeps(int longestSide) {
    return kept == null || kept.contains(longestSide);
  }

  /** The item's longest side by its header; empty when it is not an image (the copy skips it). */
  private static java.util.OptionalInt longestSide(LabelledItem item, PortraitDecoder decoder) {
    try {
      var h = decoder.header(item.file());
      return java.util.OptionalInt.of(Math.max(h.width(), h.height()));
    } catch (ImageException e) {
      return java.util.OptionalInt.empty();
    }
  }

  /** The longest sides kept as they are (empty: every image shrunk; null: every image kept). */
  public Set<Integer> keptSides() {
    return kept == null ? null : new TreeSet<>(kept);
  }

  /** The treatment in words, for the model card. */
  public String describe() {
    if (kept == null) {
      return nativeDescription();
    }
    String shrunk = "shrunk to a random longest side in [" + MIN_SIDE + ", " + MAX_SIDE + "] px (never enlarged)";
    return (kept.isEmpty() ? "every image " + shrunk
        : "images whose longest side images of the other class share (" + new TreeSet<>(kept) + " px) kept at their size, every other " + shrunk)
        + ", " + history();
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
      int side = MIN_SIDE + r.nextInt(MAX_SIDE - MIN_SIDE + 1); // drawn for every copy, so each kind gets the same JPEG history
      if (!keeps(Math.max(image.width(), image.height()))) {
        image = encoder.fitWithin(image, side);
      }
      int saves = 1 + r.nextInt(2);
      for (int i = 0; i < saves; i++) {
        byte[] jpeg = encoder.jpeg(image, MIN_QUALITY + r.nextInt(MAX_QUALITY - MIN_QUALITY + 1));
        image = decoder.decode(new EncodedFile(Path.of("history.jpg"), jpeg, ResourceCache.sha256(jpeg))).image();
      }
      byte[] out = encoder.jpeg(image, FINAL_QUALITY);
      return Optional.of(new EncodedFile(Path.of(file.path() + (kept == null ? "#texture" : "#train")), out, ResourceCache.sha256(out)));
    } catch (ImageException e) {
      return Optional.empty();
    }
  }
}
