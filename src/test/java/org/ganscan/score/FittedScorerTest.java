package org.ganscan.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ganscan.DevSet;
import org.ganscan.cache.ResourceCache;
import org.ganscan.face.FaceModels;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.scan.Pipeline;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ScanSettings;
import org.ganscan.trait.Traits;
import org.junit.jupiter.api.Test;

/** The fitted score reads pixels only: format, quality, size and metadata never feed it. */
class FittedScorerTest {
  private static final ScanSettings SETTINGS = new ScanSettings(Traits.all(), FittedScorer.bundled(), 100_000_000L, 1L << 30);

  @Test
  void losslessPngReEncodeScoresTheSame() throws Exception {
    PortraitDecoder decoder = new PortraitDecoder(100_000_000L);
    Encoder encoder = new Encoder();
    try (FaceModels models = FaceModels.load(); Pipeline pipeline = new Pipeline(SETTINGS, models.newAnalyzer())) {
      for (String name : List.of("real/deepface__img47.jpg", "gan/bhuhs__fake_f1900.jpg", "real/" + DevSet.images("real").get(5).getFileName())) {
        EncodedFile original = EncodedFile.read(DevSet.file(name), 1L << 30);
        byte[] png = encoder.png(decoder.decode(original).image());
        EncodedFile copy = new EncodedFile(Path.of(name + ".png"), png, ResourceCache.sha256(png));
        ScanResult a = pipeline.scan(name, original);
        ScanResult b = pipeline.scan(name, copy);
        assertEquals("png", b.format(), name);
        assertEquals(ScanResult.Status.OK, a.status(), name);
        assertEquals(a.verdict(), b.verdict(), name);
      }
    }
  }

  @Test
  void bundledModelCarriesItsProvenance() {
    LogisticModel m = LogisticModel.bundled();
    assertEquals(Features.NAMES, m.features());
    for (String key : List.of("data", "variant", "features", "fitted_on", "trainer", "cv_auc", "excluded_features")) {
      assertTrue(m.provenance().containsKey(key), key);
    }
    assertTrue(m.syntheticThreshold() >= m.authenticThreshold());
    for (int i = 0; i < m.features().size(); i++) {
      String f = m.features().get(i);
      assertTrue(m.weights()[i] * Features.DIRECTIONS.get(f) >= 0, f + " weight " + m.weights()[i] + " points against its trait");
    }
  }

  @Test
  void fitterDropsAFeatureThatPointsAgainstItsTrait() {
    // eye_position separates the classes the right way (smaller = synthetic); "eyes" is made to
    // separate them the wrong way (larger = real), so the fitter must refuse it a weight.
    java.util.Random r = new java.util.Random(7);
    List<Fitter.Sample> samples = new java.util.ArrayList<>();
    int eyes = Features.NAMES.indexOf("eyes");
    int eyePos = Features.NAMES.indexOf("eye_position");
    for (int k = 0; k < 200; k++) {
      boolean syn = k % 2 == 0;
      double[] x = new double[Features.NAMES.size()];
      java.util.Arrays.fill(x, Double.NaN);
      x[eyePos] = (syn ? -2.0 : -1.0) + 0.3 * r.nextGaussian();
      x[eyes] = (syn ? 0.1 : 0.5) + 0.1 * r.nextGaussian();
      samples.add(new Fitter.Sample("s" + k, x, syn));
    }
    LogisticModel m = new Fitter(Features.NAMES).fit(samples, java.util.Map.of());
    assertEquals(0.0, m.weights()[eyes], "eyes weight");
    assertTrue(m.weights()[eyePos] < -0.5, "eye_position weight " + m.weights()[eyePos]);
    assertTrue(((java.util.Map<?, ?>) m.provenance().get("excluded_features")).containsKey("eyes"), m.provenance().toString());
  }

  @Test
  void alignedGanScoresAboveUnalignedRealAndExplainsWhy() throws Exception {
    try (FaceModels models = FaceModels.load(); Pipeline pipeline = new Pipeline(SETTINGS, models.newAnalyzer())) {
      ScanResult gan = pipeline.scan("gan", DevSet.file("gan/fakeav__10.png"));
      ScanResult real = pipeline.scan("real", DevSet.file("real/deepface__img47.jpg"));
      assertTrue(gan.verdict().score() > real.verdict().score(), gan.verdict() + " vs " + real.verdict());
      assertFalse(gan.verdict().reasons().isEmpty());
      assertEquals(Verdict.Label.AUTHENTIC, real.verdict().label(), real.verdict().toString());
    }
  }

  @Test
  void metricsMatchHandCountedCases() {
    assertEquals(1.0, Metrics.auc(new double[] {0.9, 0.8}, new double[] {0.1, 0.2}));
    assertEquals(0.5, Metrics.auc(new double[] {0.5}, new double[] {0.5}));
    double[] neg = new double[100];
    for (int i = 0; i < 100; i++) {
      neg[i] = i / 100.0;
    }
    double t = Metrics.thresholdAtFpr(neg, 0.05);
    assertEquals(0.05, Metrics.rateAbove(neg, t), 1e-9);
  }
}
