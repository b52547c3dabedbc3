package org.ganscan.fingerprint;

import java.util.Objects;

/**
 * What reuse and trace grouping compare, computed once per image in the scan from its pixels and
 * written into its record, so grouping never decodes an image again.
 *
 * @param whole perceptual hash of the image and of its mirror
 * @param face perceptual hash of the face square (1.6 eye distances, upright) and its mirror; null without a face
 * @param colourfulness mean chroma, near 0 for grey images
 * @param interocular eye distance as a fraction of the width (null without a face), for crop scale
 * @param spectrum log power of the face-square residual in radial bins; null when too small
 * @param centres perceptual hashes of the central 90 % and 80 % of the image, to match copies
 *     cropped around the middle
 */
public record Fingerprint(long[] whole, long[] face, double colourfulness, Double interocular, double[] spectrum, long[] centres) {
  public Fingerprint {
    whole = Objects.requireNonNull(whole, "whole").clone();
    centres = Objects.requireNonNull(centres, "centres").clone();
    face = face == null ? null : face.clone();
    spectrum = spectrum == null ? null : spectrum.clone();
    if (whole.length != 2 || centres.length != 2 || (face != null && face.length != 2)) {
      throw new IllegalArgumentException("hashes come in pairs (image and mirror, 90 % and 80 % centres)");
    }
  }

  @Override
  public long[] whole() {
    return whole.clone();
  }

  @Override
  public long[] face() {
    return face == null ? null : face.clone();
  }

  @Override
  public double[] spectrum() {
    return spectrum == null ? null : spectrum.clone();
  }

  @Override
  public long[] centres() {
    return centres.clone();
  }

  /** Hash of the image (0) or its mirror (1). */
  public long wholeHash(int i) {
    return whole[i];
  }

  /** Hash of the face square (0) or its mirror (1); only when {@link #hasFace()}. */
  public long faceHash(int i) {
    return face[i];
  }

  public boolean hasFace() {
    return face != null;
  }

  /** Hash of the central 90 % (0) or 80 % (1). */
  public long centreHash(int i) {
    return centres[i];
  }
}
