package org.ganscan.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The OpenCV wrappers against plain, slow, obvious Java (BoofCV's naive-oracle habit), on seeded
 * random inputs and non-square rasters, where row/column and border index mistakes would show.
 */
class NaiveOracleTest {
  private final Random random = new Random(234);

  private GreyImage randomGrey(int w, int h) {
    float[] v = new float[w * h];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextInt(256);
    }
    return new GreyImage(w, h, v, 1);
  }

  private BitSet randomRegion(int w, int h, double share) {
    BitSet b = new BitSet(w * h);
    for (int i = 0; i < w * h; i++) {
      if (random.nextDouble() < share) {
        b.set(i);
      }
    }
    return b;
  }

  /** Central differences with the border replicated, window sums clipped at the image border. */
  static double naiveCoherence(GreyImage g, BitSet region, int r) {
    int w = g.width();
    int h = g.height();
    double[] gx = new double[w * h];
    double[] gy = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        gx[y * w + x] = 0.5 * (g.at(Math.min(w - 1, x + 1), y) - g.at(Math.max(0, x - 1), y));
        gy[y * w + x] = 0.5 * (g.at(x, Math.min(h - 1, y + 1)) - g.at(x, Math.max(0, y - 1)));
      }
    }
    double num = 0;
    double den = 0;
    for (int i = region.nextSetBit(0); i >= 0; i = region.nextSetBit(i + 1)) {
      int cx = i % w;
      int cy = i / w;
      double a = 0;
      double b = 0;
      double c = 0;
      for (int y = Math.max(0, cy - r); y <= Math.min(h - 1, cy + r); y++) {
        for (int x = Math.max(0, cx - r); x <= Math.min(w - 1, cx + r); x++) {
          int k = y * w + x;
          a += gx[k] * gx[k];
          b += gy[k] * gy[k];
          c += gx[k] * gy[k];
        }
      }
      if (a + b > 1e-6) {
        num += Math.sqrt((a - b) * (a - b) + 4 * c * c);
        den += a + b;
      }
    }
    return den > 0 ? num / den : 0;
  }

  @Test
  void structureTensorCoherenceEqualsTheNaiveSum() {
    StructureTensor tensor = new StructureTensor();
    for (int trial = 0; trial < 6; trial++) {
      int w = 23 + random.nextInt(30);
      int h = 17 + random.nextInt(30);
      GreyImage g = randomGrey(w, h);
      BitSet region = randomRegion(w, h, 0.1 + 0.2 * random.nextDouble());
      int r = 1 + random.nextInt(3);
      double expected = naiveCoherence(g, region, r);
      assertEquals(expected, tensor.coherence(g, region, r), 1e-9 * Math.max(1, expected), "trial " + trial + " " + w + "x" + h + " r " + r);
    }
    // A region touching the image corners, where the window is clipped on two sides.
    GreyImage g = randomGrey(31, 19);
    BitSet corners = new BitSet(31 * 19);
    corners.set(0);
    corners.set(30);
    corners.set(18 * 31);
    corners.set(18 * 31 + 30);
    assertEquals(naiveCoherence(g, corners, 2), tensor.coherence(g, corners, 2), 1e-9);
  }

  @Test
  void rasterMaskConversionsKeepRowsAndColumns() {
    Raster raster = new Raster();
    int w = 37;
    int h = 21;
    // A set passes through the Mat and back unchanged (a 1x1 dilation is the identity).
    BitSet set = randomRegion(w, h, 0.3);
    assertEquals(set, raster.dilate(w, h, set, 0));
    // Dilation by r: a pixel is set when any set pixel lies within r in both x and y.
    for (int r : new int[] {1, 3}) {
      BitSet sparse = randomRegion(w, h, 0.02);
      BitSet expected = new BitSet(w * h);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r) && !expected.get(y * w + x); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
              if (sparse.get(yy * w + xx)) {
                expected.set(y * w + x);
                break;
              }
            }
          }
        }
      }
      assertEquals(expected, raster.dilate(w, h, sparse, r), "dilation by " + r);
    }
    // An axis-aligned rectangle with integer corners fills exactly its pixels, boundary included.
    BitSet rect = raster.polygon(w, h, List.of(new double[] {5, 3}, new double[] {30, 3}, new double[] {30, 12}, new double[] {5, 12}));
    BitSet expected = new BitSet(w * h);
    for (int y = 3; y <= 12; y++) {
      for (int x = 5; x <= 30; x++) {
        expected.set(y * w + x);
      }
    }
    assertEquals(expected, rect);
    // A disc: everything within r - 1 of the centre is in, nothing beyond r + 1.
    BitSet disc = raster.disc(w, h, 24, 9, 6);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - 24, y - 9);
        if (d <= 5) {
          assertTrue(disc.get(y * w + x), "inside at " + x + "," + y);
        } else if (d > 7) {
          assertTrue(!disc.get(y * w + x), "outside at " + x + "," + y);
        }
      }
    }
  }

  @Test
  void centreHashesEqualHashesOfCroppedCopies() {
    PerceptualHash hash = new PerceptualHash();
    for (int[] size : new int[][] {{97, 61}, {64, 130}}) {
      byte[] rgb = new byte[size[0] * size[1] * 3];
      random.nextBytes(rgb);
      RgbImage image = new RgbImage(size[0], size[1], rgb);
      long[] whole = hash.whole(image);
      long[] all = hash.wholeAndCentres(image, 0.10, 0.20);
      assertEquals(whole[0], all[0]);
      assertEquals(whole[1], all[1]);
      assertEquals(hash.whole(Transforms.crop(image, 0.10))[0], all[2]);
      assertEquals(hash.whole(Transforms.crop(image, 0.20))[0], all[3]);
    }
  }

  /** Residual (3x3 mean with reflect-101 borders), 2-D Hann window, direct DFT. */
  static double[] naiveResidualPower(float[] patch, int n) {
    double[] res = new double[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        double s = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            s += patch[reflect(y + dy, n) * n + reflect(x + dx, n)];
          }
        }
        // OpenCV 4.9's createHanningWindow is the square root of the product of the 1-D windows.
        double hann = Math.sqrt(0.5 * (1 - Math.cos(2 * Math.PI * y / (n - 1))) * 0.5 * (1 - Math.cos(2 * Math.PI * x / (n - 1))));
        res[y * n + x] = (patch[y * n + x] - s / 9) * hann;
      }
    }
    double[] power = new double[n * n];
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        double re = 0;
        double im = 0;
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            double a = -2 * Math.PI * ((double) u * x / n + (double) v * y / n);
            re += res[y * n + x] * Math.cos(a);
            im += res[y * n + x] * Math.sin(a);
          }
        }
        power[v * n + u] = re * re + im * im;
      }
    }
    return power;
  }

  private static int reflect(int i, int n) {
    return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
  }

  @Test
  void residualPowerSpectrumEqualsTheDirectDft() {
    Spectrum spectrum = new Spectrum();
    for (int n : new int[] {16, 32}) {
      float[] patch = randomGrey(n, n).values();
      // A pattern with one frequency (u = 4, v = 0), so rows and columns cannot be swapped unnoticed.
      for (int i = 0; i < patch.length; i++) {
        patch[i] += (float) (40 * Math.cos(2 * Math.PI * 4 * (i % n) / n));
      }
      float[] got = spectrum.residualPower(patch, n);
      double[] want = naiveResidualPower(patch, n);
      double max = 0;
      for (double p : want) {
        max = Math.max(max, p);
      }
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], got[i], 1e-4 * max, "n " + n + " at u " + (i % n) + " v " + (i / n));
      }
    }
  }
}
