package org.ganscan.eval;

import java.nio.file.Path;
import java.util.Optional;
import org.ganscan.cache.ResourceCache;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;

/** In-memory copies as social networks serve them: resized and re-compressed, identically for every class. */
public enum Degradation {
  NONE("original files", 0, 0),
  AVATAR("longest side <= 400 px, JPEG q85", 400, 85),
  THUMB("longest side <= 128 px, JPEG q75", 128, 75),
  /** A harsher treatment the model is never fitted on: a check that the fit carries over. */
  SMALL("longest side <= 200 px, JPEG q60, never fitted on", 200, 60),
  /**
   * As an upload carries it: every file first saved as JPEG q90 at its own size, then the avatar
   * treatment; a GAN PNG then has a JPEG history as a real upload does.
   */
  SOCIAL("saved as JPEG q90, then longest side <= 400 px, JPEG q85", 400, 85);

  /** The quality of the upload's first save ({@link #SOCIAL}). */
  static final int UPLOAD_QUALITY = 90;

  /**
   * The copies the score model is fitted on: two strengths of the same social-network treatment,
   * so the model sees how each trait moves under re-compression. Originals are never fitted on:
   * their formats differ by class.
   */
  public static final java.util.List<Degradation> FITTING = java.util.List.of(AVATAR, THUMB);

  private final String description;
  private final int maxSide;
  private final int quality;

  Degradation(String description, int maxSide, int quality) {
    this.description = description;
    this.maxSide = maxSide;
    this.quality = quality;
  }

  public String description() {
    return description;
  }

  /** The fitting copies in words, for provenance and reports. */
  public static String fittingDescription() {
    return String.join(" + ", FITTING.stream().map(d -> d.name().toLowerCase() + " (" + d.description + ")").toList());
  }

  /** The degraded copy, or empty when the file is not a decodable image. */
  public Optional<EncodedFile> apply(EncodedFile file, PortraitDecoder decoder, Encoder encoder) {
    if (this == NONE) {
      return Optional.of(file);
    }
    if (this == SOCIAL) {
      return copy(file, decoder, encoder, Integer.MAX_VALUE, UPLOAD_QUALITY, "upload")
          .flatMap(upload -> copy(upload, decoder, encoder, maxSide, quality, name().toLowerCase()));
    }
    return copy(file, decoder, encoder, maxSide, quality, name().toLowerCase());
  }

  /**
   * A copy shrunk to at most {@code maxSide} px and re-encoded as JPEG {@code quality}, named
   * {@code path#tag}; empty when the file is not a decodable image.
   */
  public static Optional<EncodedFile> copy(EncodedFile file, PortraitDecoder decoder, Encoder encoder, int maxSide, int quality, String tag) {
    try {
      byte[] jpeg = encoder.jpeg(encoder.fitWithin(decoder.decode(file).image(), maxSide), quality);
      return Optional.of(new EncodedFile(Path.of(file.path() + "#" + tag), jpeg, ResourceCache.sha256(jpeg)));
    } catch (ImageException e) {
      return Optional.empty();
    }
  }
}
