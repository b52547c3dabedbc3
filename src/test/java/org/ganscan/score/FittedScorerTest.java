package org.ganscan.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ganscan.DevSet;
import org.ganscan.cache.ResourceCache;
import org.ganscan.face.FaceModels;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageLimits;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.Encoder;
import org.ganscan.scan.Pipeline;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.StandardScan;
import org.ganscan.trait.Trait;
import org.ganscan.trait.Traits;
import org.junit.jupiter.api.Test;

/** The fitted score reads pixels only: format, quality, size and metadata never feed it. */
class FittedScorerTest {
  private static final ScanSettings SETTINGS = StandardScan.settings(ImageLimits.DEFAULT);
  private static final FeatureSpace SPACE = StandardScan.features();

  @Test
  void losslessPngReEncodeScoresTheSame() throws Exception {
    PortraitDecoder decoder = ImageLimits.DEFAULT.decoder();
    Encoder encoder = new Encoder();
    try (FaceModels models = org.ganscan.TestScan.models(); Pipeline pipeline = new Pipeline(SETTINGS, models.newAnalyzer())) {
      for (String name : List.of("real/deepface__img47.jpg", "gan/bhuhs__fake_f1900.jpg", "real/" + DevSet.images("real").get(5).getFileName())) {
        EncodedFile original = ImageLimits.DEFAULT.read(DevSet.file(name));
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
  void bundledModelCarriesItsProvenanceAndUsesOnlyDeclaredFeatures() {
    LogisticModel m = LogisticModel.bundled();
    // Every feature the bundled model weighs is one the traits declare, in the traits' order; the
    // region texture's logit is declared but not weighed (the fusion did not earn its place, MODEL_CARD.md).
    assertEquals(SPACE.names().stream().filter(m.features()::contains).toList(), m.features());
    assertTrue(!m.features().contains("region_texture") && SPACE.names().contains("region_texture"), m.features().toString());
    for (String key : List.of("data", "variant", "features", "fitted_on", "trainer", "validation", "validated_on", "excluded_features")) {
      assertTrue(m.provenance().containsKey(key), key);
    }
    assertTrue(m.syntheticThreshold() >= m.authenticThreshold());
    for (int i = 0; i < m.features().size(); i++) {
      String f = m.features().get(i);
      assertTrue(m.weight(i) * SPACE.direction(f) >= 0, f + " weight " + m.weight(i) + " points against its trait");
    }
    FittedScorer scorer = FittedScorer.bundled(SPACE);
    ModelIdentity id = scorer.identity().orElseThrow();
    assertEquals(ResourceCache.sha256(LogisticModel.bundledBytes()), id.sha256());
    assertEquals(m.provenance().get("fitted_on"), id.fittedOn());
    assertTrue(scorer.describe().startsWith("logistic " + m.version() + " "), "the scorer's version comes from the file: " + scorer.describe());
  }

  @Test
  void aModelNamingAnUndeclaredFeatureIsRefusedByName() {
    // The traits without eye_position: the bundled model's three eye_position features are undeclared.
    List<Trait> traits = Traits.all().stream().filter(t -> !t.name().equals("eye_position")).toList();
    var e = assertThrows(FeatureSpace.FeatureMismatchException.class, () -> FittedScorer.bundled(FeatureSpace.of(traits)));
    assertTrue(e.getMessage().contains("eye_position.eye_line_offset") && e.getMessage().contains("model.json"), e.getMessage());
  }

  @Test
  void modelArraysCannotBeChangedFromOutside() {
    LogisticModel m = LogisticModel.bundled();
    double w = m.weight(0);
    m.weights()[0] = 99;
    assertEquals(w, m.weight(0));
  }

  @Test
  void constrainedFitDropsAFeatureThatPointsAgainstItsTrait() {
    // eye_position separates the classes the right way (smaller = synthetic); corneal_highlights is
    // made to separate them the wrong way (larger = real), so the fitter must refuse it a weight.
    List<Sample> samples = samples(new Random(7));
    int highlights = SPACE.names().indexOf("corneal_highlights");
    int eyePos = SPACE.names().indexOf("eye_position");
    LogisticModel m = Fitter.constrained(SPACE, "test").fit(samples, Map.of());
    assertEquals(0.0, m.weight(highlights), "corneal_highlights weight");
    assertTrue(m.weight(eyePos) < -0.5, "eye_position weight " + m.weight(eyePos));
    assertTrue(((Map<?, ?>) m.provenance().get("excluded_features")).containsKey("corneal_highlights"), m.provenance().toString());
    assertEquals("test", m.version());
  }

  @Test
  void unconstrainedFitKeepsAWeightOfEitherSign() {
    // The same data fitted as a probe (no declared directions): the contrary feature keeps its weight.
    LogisticModel m = Fitter.unconstrained(SPACE.names(), "probe").fit(samples(new Random(7)), Map.of());
    assertTrue(m.weight(SPACE.names().indexOf("corneal_highlights")) < -0.5, "a real-pointing dimension keeps its negative weight");
  }

  private static List<Sample> samples(Random r) {
    List<Sample> samples = new ArrayList<>();
    int highlights = SPACE.names().indexOf("corneal_highlights");
    int eyePos = SPACE.names().indexOf("eye_position");
    for (int k = 0; k < 200; k++) {
      boolean syn = k % 2 == 0;
      double[] x = new double[SPACE.names().size()];
      Arrays.fill(x, Double.NaN);
      x[eyePos] = (syn ? -2.0 : -1.0) + 0.3 * r.nextGaussian();
      x[highlights] = (syn ? 0.1 : 0.5) + 0.1 * r.nextGaussian();
      samples.add(new Sample("s" + k, x, syn));
    }
    return samples;
  }

  @Test
  void alignedGanScoresAboveUnalignedRealAndExplainsWhy() throws Exception {
    try (FaceModels models = org.ganscan.TestScan.models(); Pipeline pipeline = new Pipeline(SETTINGS, models.newAnalyzer())) {
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
