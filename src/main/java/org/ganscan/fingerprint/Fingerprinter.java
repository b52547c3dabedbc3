package org.ganscan.fingerprint;

import org.ganscan.face.PixelPoint;
import org.ganscan.imaging.PerceptualHash;
import org.ganscan.imaging.RgbImage;
import org.ganscan.imaging.Spectrum;
import org.ganscan.imaging.TensorSpec;
import org.ganscan.imaging.Tensors;

/** Computes an image's {@link Fingerprint}. Not thread-safe (its OpenCV helpers are per worker). */
public final class Fingerprinter {
  static final int TRACE_SIDE = 64;
  static final int TRACE_BINS = 16;
  /** Side of the hashed face square in eye distances: the face itself, little of its surroundings. */
  static final double FACE_SQUARE = 1.6;
  private final PerceptualHash hash = new PerceptualHash();
  private final Spectrum spectrum = new Spectrum();
  private final Tensors tensors = new Tensors();

  /**
   * @param rightEye the main face's right eye centre in image pixels (the subject's right), null without a face
   * @param leftEye the main face's left eye centre, null without a face
   */
  public Fingerprint of(RgbImage image, PixelPoint rightEye, PixelPoint leftEye) {
    long[] hashes = hash.wholeAndCentres(image, 0.10, 0.20);
    long[] whole = {hashes[0], hashes[1]};
    long[] centres = {hashes[2], hashes[3]};
    double colour = colourfulness(image);
    if (rightEye == null || leftEye == null) {
      return new Fingerprint(whole, null, colour, null, null, centres);
    }
    double rx = rightEye.x();
    double ry = rightEye.y();
    double lx = leftEye.x();
    double ly = leftEye.y();
    double iod = Math.hypot(lx - rx, ly - ry);
    double angle = Math.atan2(ly - ry, lx - rx);
    double cx = (rx + lx) / 2;
    double cy = (ry + ly) / 2 + 0.5 * iod;
    long[] face = hash.region(image, cx, cy, FACE_SQUARE * iod, angle);
    return new Fingerprint(whole, face, colour, iod / image.width(), trace(image, cx, cy, 2.2 * iod, angle), centres);
  }

  /** Radial log-power profile of the face square's noise residual, mean removed; null for faces under 64 px. */
  private double[] trace(RgbImage image, double cx, double cy, double side, double angle) {
    if (side < TRACE_SIDE) {
      return null;
    }
    float[] rgb = tensors.rotatedCrop(image, cx, cy, side, angle, new TensorSpec(TRACE_SIDE, 1f, 0f, TensorSpec.Layout.NCHW));
    float[] grey = new float[TRACE_SIDE * TRACE_SIDE];
    int plane = grey.length;
    for (int i = 0; i < plane; i++) {
      grey[i] = 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
    }
    float[] power = spectrum.residualPower(grey, TRACE_SIDE);
    double[] bins = new double[TRACE_BINS];
    int[] counts = new int[TRACE_BINS];
    for (int v = 0; v < TRACE_SIDE; v++) {
      for (int u = 0; u < TRACE_SIDE; u++) {
        int fu = u <= TRACE_SIDE / 2 ? u : u - TRACE_SIDE;
        int fv = v <= TRACE_SIDE / 2 ? v : v - TRACE_SIDE;
        int b = (int) Math.min(TRACE_BINS - 1, Math.hypot(fu, fv) / (TRACE_SIDE / 2.0) * TRACE_BINS);
        bins[b] += power[v * TRACE_SIDE + u];
        counts[b]++;
      }
    }
    double mean = 0;
    for (int b = 0; b < TRACE_BINS; b++) {
      bins[b] = Math.log10(bins[b] / Math.max(1, counts[b]) + 1e-9);
      mean += bins[b] / TRACE_BINS;
    }
    for (int b = 0; b < TRACE_BINS; b++) {
      bins[b] -= mean;
    }
    return bins;
  }

  private static double colourfulness(RgbImage img) {
    int pixels = img.width() * img.height();
    double sum = 0;
    int step = Math.max(1, pixels / 20000);
    int n = 0;
    for (int i = 0; i < pixels; i += step) {
      int r = img.channel(i, 0);
      int g = img.channel(i, 1);
      int b = img.channel(i, 2);
      sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
      n++;
    }
    return sum / Math.max(1, n);
  }
}
