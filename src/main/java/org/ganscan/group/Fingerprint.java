package org.ganscan.group;

/**
 * What reuse and trace grouping compare, computed once per image from its pixels.
 *
 * @param whole perceptual hash of the image and of its mirror
 * @param face perceptual hash of the face square (1.6 eye distances, upright) and its mirror; null without a face
 * @param colourfulness mean chroma, near 0 for grey images
 * @param interocular eye distance as a fraction of the width (null without a face), for crop scale
 * @param spectrum log power of the face-square residual in radial bins; null when too small
 * @param centres perceptual hashes of the central 90 % and 80 % of the image, to match copies
 *     cropped around the middle
 */
public record Fingerprint(long[] whole, long[] face, double colourfulness, Double interocular, double[] spectrum, long[] centres) {}
