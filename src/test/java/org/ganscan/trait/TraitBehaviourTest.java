package org.ganscan.trait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.ganscan.DevSet;
import org.ganscan.face.FaceAnalysis;
import org.ganscan.face.FaceAnalyzer;
import org.ganscan.face.FaceModels;
import org.ganscan.face.FaceRegions;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.Portrait;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Raster;
import org.ganscan.imaging.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each trait reacts to the thing it claims to measure, on real dev faces with controlled edits. */
class TraitBehaviourTest {
  private static FaceModels models;
  private static FaceAnalyzer analyzer;
  private static final Raster RASTER = new Raster();

  @BeforeAll
  static void load() {
    models = org.ganscan.TestScan.models();
    analyzer = models.newAnalyzer();
  }

  @AfterAll
  static void close() {
    analyzer.close();
    models.close();
  }

  private static TraitInput input(RgbImage image) {
    Portrait p = new Portrait(java.nio.file.Path.of("x.png"), "0".repeat(64), org.ganscan.image.ImageFormat.PNG, image);
    FaceAnalysis a = analyzer.analyze(image);
    GreyImage frame = RASTER.grey(image, TraitInput.ANALYSIS_SIDE);
    return new TraitInput(p, a.faces().get(0), a.personMask(), frame, FaceRegions.of(a.faces().get(0), a.personMask(), frame, RASTER));
  }

  private static RgbImage image(String name) throws Exception {
    return org.ganscan.image.ImageLimits.DEFAULT.decoder().decode(org.ganscan.image.ImageLimits.DEFAULT.read(DevSet.file(name))).image();
  }

  /** The image shrunk to fit {@code side} px and re-encoded as JPEG at {@code quality}, decoded again. */
  private static RgbImage recompressed(RgbImage image, int side, int quality) throws Exception {
    org.ganscan.imaging.Encoder enc = new org.ganscan.imaging.Encoder();
    byte[] jpeg = enc.jpeg(enc.fitWithin(image, side), quality);
    return org.ganscan.image.ImageLimits.DEFAULT.decoder().decode(new EncodedFile(java.nio.file.Path.of("copy.jpg"), jpeg, "0".repeat(64))).image();
  }

  @Test
  void frequencyRisesWithAPeriodicUpsamplingPattern() throws Exception {
    RgbImage clean = image("real/deepface__img25.jpg");
    byte[] rgb = clean.rgb().clone();
    // A faint period-4 checkerboard, as transposed convolutions leave.
    for (int y = 0; y < clean.height(); y++) {
      for (int x = 0; x < clean.width(); x++) {
        int d = ((x / 2 + y / 2) % 2 == 0) ? 3 : -3;
        for (int c = 0; c < 3; c++) {
          int i = (y * clean.width() + x) * 3 + c;
          rgb[i] = (byte) Math.max(0, Math.min(255, (rgb[i] & 0xFF) + d));
        }
      }
    }
    FrequencyTrait trait = new FrequencyTrait();
    double before = trait.measure(input(clean)).value();
    double after = trait.measure(input(new RgbImage(clean.width(), clean.height(), rgb))).value();
    assertTrue(after > before + 0.3, "peak ratio (log10) " + before + " -> " + after);
    RgbImage blocky = recompressed(clean, clean.longestSide(), 50);
    double compressed = trait.measure(input(blocky)).value();
    assertTrue(compressed < before + 0.3, "JPEG q50 blocking is not an up-sampling peak: " + before + " -> " + compressed);
  }

  @Test
  void hairCoherenceIsHighForStrandsAndLowForNoise() {
    int w = 64;
    float[] stripes = new float[w * w];
    float[] noise = new float[w * w];
    java.util.Random r = new java.util.Random(234);
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        stripes[y * w + x] = (float) (128 + 60 * Math.sin((x + 0.3 * y) * 0.9));
        noise[y * w + x] = (float) (128 + 60 * r.nextGaussian());
      }
    }
    BitSet all = new BitSet();
    all.set(w * 8, w * (w - 8));
    double strands = HairTrait.coherence(new GreyImage(w, w, stripes, 1), all, 2);
    double painted = HairTrait.coherence(new GreyImage(w, w, noise, 1), all, 2);
    assertTrue(strands > 0.9 && painted < 0.4, "coherence strands " + strands + ", noise " + painted);
  }

  @Test
  void earsAreNotJudgedWhenTheHeadIsTurned() throws Exception {
    TraitScore turned = new EarsTrait().measure(input(image("real/deca__AFLW2000_image00181.jpg")));
    TraitScore frontal = new EarsTrait().measure(input(image("gan/fakeav__10.png")));
    assertTrue(frontal.measured(), frontal.why());
    // This AFLW2000 face is turned far (the nose 155 % of the way off the ears' midpoint): one ear is hidden.
    assertFalse(turned.measured(), turned.why());
    assertNull(turned.score());
    assertTrue(turned.why().contains("head turned"), turned.why());
  }

  @Test
  void eyesCompareTheTwoCornealHighlights() throws Exception {
    RgbImage gan = image("gan/fakeav__10.png");
    CornealHighlightsTrait trait = new CornealHighlightsTrait();
    TraitInput clean = input(gan);
    TraitScore t = trait.measure(clean);
    assertTrue(t.measured(), t.why());
    assertTrue(t.why().startsWith("corneal highlights: "), t.why());
    // One bright reflection painted in each eye: at the same place in both eyes they agree, at
    // mirrored-apart places (as a GAN draws them independently) they disagree.
    TraitScore same = trait.measure(input(withHighlights(gan, clean, 0.5, 0.5)));
    TraitScore apart = trait.measure(input(withHighlights(gan, clean, 0.3, 0.7)));
    assertTrue(same.measured() && apart.measured(), same.why() + " / " + apart.why());
    assertTrue(same.value() < 0.15, same.why());
    assertTrue(apart.value() > same.value() + 0.25 && apart.score() >= 0.5, same.why() + " -> " + apart.why());
  }

  /** A copy with a small white disc in each eye at fraction {@code rightU} / {@code leftU} of its box width, mid-height. */
  private static RgbImage withHighlights(RgbImage image, TraitInput in, double rightU, double leftU) {
    byte[] rgb = image.rgb();
    double scale = in.frame().scale();
    for (var eye : List.of(Map.entry(org.ganscan.face.RegionKind.RIGHT_EYE, rightU), Map.entry(org.ganscan.face.RegionKind.LEFT_EYE, leftU))) {
      var box = in.regions().get(eye.getKey()).bounds().toImage(scale);
      double cx = box.x() + eye.getValue() * box.w();
      double cy = box.y() + 0.5 * box.h();
      double radius = Math.max(1.5, 0.06 * box.w());
      for (int y = (int) (cy - radius); y <= cy + radius; y++) {
        for (int x = (int) (cx - radius); x <= cx + radius; x++) {
          if (Math.hypot(x - cx, y - cy) <= radius) {
            java.util.Arrays.fill(rgb, 3 * (y * image.width() + x), 3 * (y * image.width() + x) + 3, (byte) 255);
          }
        }
      }
    }
    return new RgbImage(image.width(), image.height(), rgb);
  }

  @Test
  void backgroundFindsStraightStructureInARealScene() throws Exception {
    // An indoor photo (AFLW2000) with furniture and walls behind the person, against a StyleGAN studio backdrop.
    TraitScore scene = new BackgroundTrait().measure(input(image("real/deca__AFLW2000_image00480.jpg")));
    TraitScore gan = new BackgroundTrait().measure(input(image("gan/fakeav__10.png")));
    assertTrue(gan.measured() && scene.measured());
    assertEquals(0.0, gan.value(), 5.0, "a plain StyleGAN studio background has almost no straight edges: " + gan.why());
    assertTrue(scene.value() > 10 * Math.max(gan.value(), 10), "the real scene keeps straight structure: " + scene.why());
    assertTrue(scene.score() < 0.5 && gan.score() >= 0.5, scene.why() + " / " + gan.why());
    assertTrue(scene.why().contains("as in a real scene"), scene.why());
  }

  @Test
  void highlightsCountClippedPixelsAndSurviveAvatarRecompression() throws Exception {
    ClippedPixelsTrait trait = new ClippedPixelsTrait();
    RgbImage gan = image("gan/fakeav__10.png");
    RgbImage real = image("real/sg3pt__ffhq_23558.png");
    for (RgbImage original : List.of(gan, real)) {
      RgbImage avatar = recompressed(original, 400, 85);
      double before = trait.measure(input(original)).value();
      double after = trait.measure(input(avatar)).value();
      assertEquals(Math.log10(before + 1e-4), Math.log10(after + 1e-4), 0.35, "clipped share " + before + " -> " + after + " after resize + JPEG q85");
    }
    TraitScore ganScore = trait.measure(input(gan));
    TraitScore realScore = trait.measure(input(real));
    assertTrue(ganScore.score() > 0.5, ganScore.why());
    assertTrue(realScore.score() < 0.5, "a real FFHQ photo clips its highlights: " + realScore.why());
    // A lamp-like patch at full brightness over 2 % of the GAN image makes it read as a camera's.
    byte[] rgb = gan.rgb().clone();
    int side = (int) Math.sqrt(0.02 * gan.width() * gan.height());
    for (int y = 0; y < side; y++) {
      java.util.Arrays.fill(rgb, 3 * (y * gan.width()), 3 * (y * gan.width() + side), (byte) 255);
    }
    TraitScore lit = trait.measure(input(new RgbImage(gan.width(), gan.height(), rgb)));
    assertEquals(ganScore.value() + 0.02, lit.value(), 0.002, lit.why());
    assertTrue(lit.score() < 0.5, lit.why());
  }

  @Test
  void typicalityFallsWhenTheFaceIsPartlyHiddenAndSurvivesAvatarRecompression() throws Exception {
    TypicalityTrait trait = new TypicalityTrait();
    RgbImage gan = image("gan/fakeav__10.png");
    TraitScore clean = trait.measure(input(gan));
    assertTrue(clean.score() > 0.5, "an evenly lit StyleGAN face is typical: " + clean.why());
    RgbImage avatar = recompressed(gan, 400, 85);
    assertEquals(clean.value(), trait.measure(input(avatar)).value(), 3.0, "logit after resize + JPEG q85");
    // A hand-like flat patch over the mouth and chin makes the same face much less typical.
    org.ganscan.face.PixelPoint mouth = analyzer.analyze(gan).faces().get(0).detection().keypoints().mouth();
    byte[] rgb = gan.rgb().clone();
    int half = gan.width() / 6;
    for (int y = (int) mouth.y() - half / 2; y < Math.min(gan.height(), (int) mouth.y() + half); y++) {
      for (int x = (int) mouth.x() - half; x < (int) mouth.x() + half; x++) {
        java.util.Arrays.fill(rgb, 3 * (y * gan.width() + x), 3 * (y * gan.width() + x) + 3, (byte) 180);
      }
    }
    TraitScore hidden = trait.measure(input(new RgbImage(gan.width(), gan.height(), rgb)));
    assertTrue(hidden.value() < clean.value() - 5, hidden.why());
    assertTrue(hidden.score() < 0.5, hidden.why());
    TraitScore squint = trait.measure(input(image("real/kyllo__fakefaces_05024.jpg")));
    assertTrue(squint.score() < 0.5, "a real face with a broad squinting smile is less typical: " + squint.why());
  }

  @Test
  void irisOutlineFollowsAnEllipseAndABumpInItRaisesTheResidual() throws Exception {
    IrisTrait trait = new IrisTrait();
    RgbImage gan = image("gan/sg3pt__stylegan3-ffhq-r_0084.png");
    TraitInput clean = input(gan);
    TraitScore measured = trait.measure(clean);
    assertTrue(measured.measured(), measured.why());
    // The subject's left iris (the image's right) is traced on both sides, close to an ellipse.
    IrisTrait.Outline iris = trait.outline(clean.frame(), clean.regions().get(org.ganscan.face.RegionKind.LEFT_EYE)).orElseThrow();
    assertTrue(iris.residualPct() < 3, "residual " + iris.residualPct());
    // A 1024-px StyleGAN face: the iris is about 17 px in radius, traced by rays on both sides.
    assertEquals(17, iris.radius(), 5, "iris radius px");
    assertTrue(iris.points() >= IrisTrait.MIN_POINTS, "rays used: " + iris.points());
    // A dark bump bulging out of the iris into the white of the eye, on the outer side.
    byte[] rgb = gan.rgb().clone();
    double r = iris.radius();
    for (int y = (int) (iris.centreY() - 0.35 * r); y <= iris.centreY() + 0.35 * r; y++) {
      for (int x = (int) iris.centreX(); x <= iris.centreX() + 1.35 * r; x++) {
        if (Math.hypot(x - (iris.centreX() + r), y - iris.centreY()) <= 0.35 * r) {
          java.util.Arrays.fill(rgb, 3 * (y * gan.width() + x), 3 * (y * gan.width() + x) + 3, (byte) 40);
        }
      }
    }
    TraitInput bumped = input(new RgbImage(gan.width(), gan.height(), rgb));
    IrisTrait.Outline lumpy = trait.outline(bumped.frame(), bumped.regions().get(org.ganscan.face.RegionKind.LEFT_EYE)).orElseThrow();
    assertTrue(lumpy.residualPct() > 1.5 * iris.residualPct(), "residual " + iris.residualPct() + " -> " + lumpy.residualPct());
    // On a 128-px thumbnail the iris spans a few pixels: the trait says so and does not vote.
    RgbImage thumb = recompressed(gan, 128, 75);
    TraitScore small = trait.measure(input(thumb));
    assertFalse(small.measured(), small.why());
    assertTrue(small.why().startsWith("iris: outline not traced"), small.why());
  }

  /** A copy on a larger grey canvas, {@code share} of the size added around it. */
  private static RgbImage padded(RgbImage image, double share) {
    int dx = (int) Math.round(image.width() * share / 2);
    int dy = (int) Math.round(image.height() * share / 2);
    int w = image.width() + 2 * dx;
    int h = image.height() + 2 * dy;
    byte[] src = image.rgb();
    byte[] out = new byte[w * h * 3];
    java.util.Arrays.fill(out, (byte) 128);
    for (int y = 0; y < image.height(); y++) {
      System.arraycopy(src, 3 * y * image.width(), out, 3 * ((y + dy) * w + dx), 3 * image.width());
    }
    return new RgbImage(w, h, out);
  }

  @Test
  void regionTextureIsExplainedByRegionAndDoesNotFollowTheFraming() throws Exception {
    RegionTextureTrait trait = RegionTextureTrait.bundled();
    RgbImage gan = image("gan/fakeav__10.png");
    TraitScore t = trait.measure(input(gan));
    assertTrue(t.measured(), t.why());
    // The value is the probe's logit and the detail its split by region: they add up.
    double sum = TextureProbe.bundled().bias();
    for (org.ganscan.face.RegionKind k : org.ganscan.face.RegionKind.values()) {
      Double share = t.detail().get(k.name().toLowerCase(java.util.Locale.ROOT));
      assertNotNull(share, k + " missing from " + t.detail());
      sum += share;
    }
    assertEquals(t.value(), sum, 1e-9);
    assertTrue(t.why().startsWith("region texture (learned probe): "), t.why());
    // The descriptors are taken at one face scale, so the framing itself is not the evidence; but at
    // that small scale (eyes 24 px apart) the residual statistics follow the resampling grid, and a
    // 10 % pad moves this face's logit by 1.41 and a 10 % crop by 1.06 (the main faces of the dev
    // set's originals spread with SD 2.0).
    List<String> moves = new java.util.ArrayList<>();
    double worst = 0;
    for (RgbImage reframed : List.of(padded(gan, 0.10), org.ganscan.imaging.Transforms.crop(gan, 0.10))) {
      TraitScore r = trait.measure(input(reframed));
      assertTrue(r.measured(), r.why());
      worst = Math.max(worst, Math.abs(r.value() - t.value()));
      moves.add(String.format(java.util.Locale.ROOT, "%d px: %+.2f (%s)", reframed.width(), r.value() - t.value(), r.why()));
    }
    assertTrue(worst <= FRAMING_BOUND, "logit " + t.value() + " moved by " + moves);
  }

  @Test
  void regionTextureIsNotMeasuredWhereTheEyesAreTooCloseForItsScale() throws Exception {
    RegionTextureTrait trait = RegionTextureTrait.bundled();
    RgbImage gan = image("gan/fakeav__10.png");
    assertTrue(trait.measure(input(gan)).measured(), "a 256 px FFHQ-aligned face has its eyes about 59 px apart");
    // Shrunk to 160 px its eyes are 40 px apart: under the 48 px the probe was fitted at.
    TraitScore small = trait.measure(input(new org.ganscan.imaging.Encoder().fitWithin(gan, 160)));
    assertFalse(small.measured(), small.why());
    assertTrue(small.why().startsWith("region texture: not measured, the eyes are 40 px apart"), small.why());
  }

  /** How far padding or cropping by 10 % may move the region texture logit (measured: 1.41 padded, 1.06 cropped). */
  static final double FRAMING_BOUND = 1.5;

  @Test
  void aRealPhotosHairPastedOverAGanFaceLowersTheHairShare() throws Exception {
    RegionTextureTrait trait = RegionTextureTrait.bundled();
    RgbImage gan = image("gan/fakeav__10.png");
    TraitInput clean = input(gan);
    double before = trait.measure(clean).detail().get("hair");
    // A real FFHQ photo in the same crop, at the same size: its pixels replace the GAN face's hair region.
    RgbImage real = new org.ganscan.imaging.Encoder().fitWithin(image("real/sg3pt__ffhq_69919.png"), gan.width());
    var hair = clean.regions().get(org.ganscan.face.RegionKind.HAIR);
    BitSet pixels = hair.bits();
    byte[] out = gan.rgb();
    byte[] donor = real.rgb();
    double scale = hair.scale();
    for (int y = 0; y < gan.height(); y++) {
      for (int x = 0; x < gan.width(); x++) {
        int rx = Math.min(hair.width() - 1, (int) (x * scale));
        int ry = Math.min(hair.height() - 1, (int) (y * scale));
        if (pixels.get(ry * hair.width() + rx)) {
          System.arraycopy(donor, 3 * (y * gan.width() + x), out, 3 * (y * gan.width() + x), 3);
        }
      }
    }
    double after = trait.measure(input(new RgbImage(gan.width(), gan.height(), out))).detail().get("hair");
    assertTrue(after < before - 0.2, "hair share " + before + " -> " + after);
  }
}
