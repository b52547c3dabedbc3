package org.ganscan.trait;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ganscan.DevSet;
import org.ganscan.face.FaceAnalysis;
import org.ganscan.face.FaceAnalyzer;
import org.ganscan.face.FaceModels;
import org.ganscan.face.FaceRegions;
import org.ganscan.face.RegionKind;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.Portrait;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Raster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every trait, on real faces: deterministic, input untouched, bounded score, a sentence naming its
 * region. The faces are five of the dev set's when it is there (CI), else the StyleGAN2 demo
 * samples the build fetches (the 256 px faces enlarged 4x, so eyes and ears are large enough to be
 * measured, and the main faces of the real photos).
 */
class TraitContractTest {
  private static final boolean DEV = java.nio.file.Files.isDirectory(java.nio.file.Path.of(System.getProperty("ganscan.devset", "../shared/dev-set")));
  private static final List<String> DEV_IMAGES = List.of(
      "gan/fakeav__10.png", "gan/fakeav__2.png", "real/deepface__img47.jpg", "real/bhuhs__real_r1913.jpg", "diffusion/");

  private static Portrait portrait(String name, PortraitDecoder decoder) throws Exception {
    if (DEV) {
      java.nio.file.Path file = name.endsWith("/") ? DevSet.images("diffusion").get(0) : DevSet.file(name);
      return decoder.decode(org.ganscan.image.ImageLimits.DEFAULT.read(file));
    }
    Portrait small = decoder.decode(org.ganscan.image.ImageLimits.DEFAULT.read(java.nio.file.Path.of(name)));
    if (small.width() > 1000) {
      return small;
    }
    org.ganscan.imaging.Encoder encoder = new org.ganscan.imaging.Encoder();
    byte[] large = encoder.png(encoder.scale(small.image(), 4));
    return decoder.decode(new org.ganscan.image.EncodedFile(java.nio.file.Path.of(name), large, org.ganscan.cache.ResourceCache.sha256(large)));
  }

  private static final List<String> IMAGES = DEV ? DEV_IMAGES
      : java.util.stream.Stream.concat(org.ganscan.Samples.gan().stream(), org.ganscan.Samples.real().stream()).map(java.nio.file.Path::toString).toList();
  private static final List<TraitInput> INPUTS = new ArrayList<>();
  private static FaceModels models;

  @BeforeAll
  static void analyse() throws Exception {
    models = org.ganscan.TestScan.models();
    PortraitDecoder decoder = org.ganscan.image.ImageLimits.DEFAULT.decoder();
    Raster raster = new Raster();
    try (FaceAnalyzer analyzer = models.newAnalyzer()) {
      for (String name : IMAGES) {
        Portrait p = portrait(name, decoder);
        FaceAnalysis a = analyzer.analyze(p.image());
        GreyImage frame = raster.grey(p.image(), TraitInput.ANALYSIS_SIDE);
        FaceRegions regions = FaceRegions.of(a.faces().get(0), a.personMask(), frame, raster);
        INPUTS.add(new TraitInput(p, a.faces().get(0), a.personMask(), frame, regions));
      }
    }
  }

  @AfterAll
  static void close() {
    models.close();
  }

  static List<Trait> traits() {
    return Traits.all();
  }

  @ParameterizedTest
  @MethodSource("traits")
  void honoursTheContract(Trait trait) {
    int measured = 0;
    for (TraitInput input : INPUTS) {
      byte[] before = input.portrait().image().rgb().clone();
      TraitScore a = trait.measure(input);
      TraitScore b = trait.measure(input);
      assertEquals(a, b, "deterministic");
      assertArrayEquals(before, input.portrait().image().rgb(), "input not modified");
      assertEquals(trait.name(), a.name());
      assertFalse(a.why().isBlank());
      assertTrue(a.why().startsWith(trait.name().equals("eye_position") ? "eye" : trait.name().replace('_', ' ')), a.why());
      if (a.measured()) {
        measured++;
        assertNotNull(a.value());
        assertTrue(a.score() >= 0 && a.score() <= 1);
        for (Feature f : trait.features()) {
          // The model reads exactly these keys: a renamed detail must fail here, not vote NaN.
          assertTrue(!f.alwaysPresent() || f.detail() == null || a.detail().containsKey(f.detail()),
              trait.name() + " measured without its declared feature " + f.key() + ": " + a.detail().keySet());
          assertTrue(f.alwaysPresent() || f.detail() != null, f.key() + ": a trait's value is always present when measured");
          double v = f.extract(a);
          assertTrue(Double.isNaN(v) || Double.isFinite(v), f.key());
        }
      } else {
        assertEquals(null, a.score(), "an unmeasured trait does not vote");
      }
    }
    assertTrue(measured >= 2, trait.name() + " measured on only " + measured + " of " + INPUTS.size() + " dev faces");
  }

  @org.junit.jupiter.api.Test
  void everyDeclaredFeatureBelongsToItsTraitAndTheBundledModelUsesOnlyThose() {
    for (Trait t : traits()) {
      for (Feature f : t.features()) {
        assertEquals(t.name(), f.trait(), f.key());
      }
    }
    // Throws, naming the feature, if the model reads a key no trait declares.
    org.ganscan.score.FittedScorer.bundled(org.ganscan.score.FeatureSpace.of(traits()));
  }

  @org.junit.jupiter.api.Test
  void regionsAreNonEmptyWhereTheFaceIs() {
    FaceRegions r = INPUTS.get(0).regions();
    for (RegionKind k : List.of(RegionKind.FACE_SKIN, RegionKind.RIGHT_EYE, RegionKind.LEFT_EYE, RegionKind.MOUTH, RegionKind.HAIR, RegionKind.BACKGROUND)) {
      assertTrue(r.get(k).area() > 0, k.label());
    }
    assertTrue(r.get(RegionKind.FACE_SKIN).share() < 0.6, "skin share " + r.get(RegionKind.FACE_SKIN).share());
  }
}
