package org.ganscan.imaging;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * 64-bit DCT perceptual hashes: grey, 32x32, DCT, the 8x8 lowest frequencies without the DC term
 * thresholded at their median. Robust to resizing, re-compression and grey conversion; the
 * mirrored hash catches horizontal flips. Stateless.
 */
public final class PerceptualHash {
  public PerceptualHash() {
    OpenCv.load();
  }

  /** Hash of the whole image and of its mirror image: {plain, mirrored}. */
  public long[] whole(RgbImage image) {
    try (var owner = new MatOwner()) {
      Mat grey = owner.add(new Mat());
      Imgproc.cvtColor(Mats.rgb(image, owner), grey, Imgproc.COLOR_RGB2GRAY);
      return both(grey, owner);
    }
  }

  /**
   * Hash of a square region, rotated by {@code angle} (radians) about its centre, and of its mirror.
   * With the region tied to the face, the hash survives cropping of the surroundings.
   */
  public long[] region(RgbImage image, double cx, double cy, double side, double angle) {
    TensorSpec spec = new TensorSpec(32, 1f, 0f, TensorSpec.Layout.NHWC);
    float[] rgb = new Tensors().rotatedCrop(image, cx, cy, side, angle, spec);
    try (var owner = new MatOwner()) {
      Mat m = owner.add(new Mat(32, 32, CvType.CV_32FC3));
      m.put(0, 0, rgb);
      Mat grey = owner.add(new Mat());
      Imgproc.cvtColor(m, grey, Imgproc.COLOR_RGB2GRAY);
      return both(grey, owner);
    }
  }

  private static long[] both(Mat grey, MatOwner owner) {
    Mat flipped = owner.add(new Mat());
    Core.flip(grey, flipped, 1);
    return new long[] {hash(grey, owner), hash(flipped, owner)};
  }

  private static long hash(Mat grey, MatOwner owner) {
    Mat small = owner.add(new Mat());
    Imgproc.resize(grey, small, new Size(32, 32), 0, 0, Imgproc.INTER_AREA);
    Mat f = owner.add(new Mat());
    small.convertTo(f, CvType.CV_32F);
    Mat dct = owner.add(new Mat());
    Core.dct(f, dct);
    float[] all = Mats.floats(dct);
    float[] low = new float[64];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        low[y * 8 + x] = all[y * 32 + x];
      }
    }
    float[] sorted = java.util.Arrays.copyOfRange(low, 1, 64);
    java.util.Arrays.sort(sorted);
    float median = sorted[sorted.length / 2];
    long bits = 0;
    for (int i = 1; i < 64; i++) {
      if (low[i] > median) {
        bits |= 1L << i;
      }
    }
    return bits;
  }

  /** Differing bits. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
