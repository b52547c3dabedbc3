package org.ganscan.imaging;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
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
   * Hashes of the whole image, of its mirror, and of its central part after removing each of
   * {@code shares} of the width and height (split evenly between the sides), from one grey
   * conversion: {plain, mirrored, centre 1, centre 2, ...}. Equal to hashing
   * {@link Transforms#crop} copies, without making them.
   */
  public long[] wholeAndCentres(RgbImage image, double... shares) {
    try (var owner = new MatOwner()) {
      Mat grey = owner.add(new Mat());
      Imgproc.cvtColor(Mats.rgb(image, owner), grey, Imgproc.COLOR_RGB2GRAY);
      long[] out = new long[2 + shares.length];
      long[] both = both(grey, owner);
      out[0] = both[0];
      out[1] = both[1];
      for (int i = 0; i < shares.length; i++) {
        int dx = (int) Math.round(image.width() * shares[i] / 2);
        int dy = (int) Math.round(image.height() * shares[i] / 2);
        out[2 + i] = hash(owner.add(grey.submat(new Rect(dx, dy, image.width() - 2 * dx, image.height() - 2 * dy))), owner);
      }
      return out;
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
