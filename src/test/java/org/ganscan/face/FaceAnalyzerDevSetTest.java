package org.ganscan.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ganscan.DevSet;
import org.ganscan.scan.ScanResult;
import org.junit.jupiter.api.Test;

/** Face finding on the labelled dev set, with the real models. */
class FaceAnalyzerDevSetTest {
  private static long withFace(String label) {
    return DevSet.scan().entrySet().stream()
        .filter(e -> e.getKey().startsWith(label + "/"))
        .filter(e -> e.getValue().status() == ScanResult.Status.OK)
        .count();
  }

  private static long total(String label) {
    return DevSet.images(label).size();
  }

  @Test
  void findsGanFaces() {
    assertTrue(withFace("gan") >= 0.95 * total("gan"), withFace("gan") + " of " + total("gan"));
  }

  @Test
  void findsRealFaces() {
    assertTrue(withFace("real") >= 0.90 * total("real"), withFace("real") + " of " + total("real"));
  }

  @Test
  void rarelyFindsFacesWhereThereAreNone() {
    List<String> found = DevSet.scan().entrySet().stream()
        .filter(e -> e.getKey().startsWith("noface/") && e.getValue().status() == ScanResult.Status.OK)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    assertTrue(found.size() <= 3, "faces found in no-face images: " + found);
  }

  @Test
  void landmarksLieInsideTheirFaceAndEyesOnTheRightSides() {
    for (ScanResult r : DevSet.scan().values()) {
      for (var f : r.faces()) {
        PixelBox box = f.face().detection().box();
        PixelPoint right = f.eyes().right();
        PixelPoint left = f.eyes().left();
        double slack = 0.25 * box.w();
        assertTrue(right.x() > box.x() - slack && left.x() < box.x() + box.w() + slack, r.path());
        // The subject's right eye is on the image's left for an upright, unmirrored face.
        if (Math.abs(f.eyes().rollDegrees()) < 45) {
          assertTrue(right.x() < left.x(), r.path());
        }
      }
    }
  }

  @Test
  void personMaskCoversTheFaceButNotTheWholeFrame() throws Exception {
    var decoder = org.ganscan.image.ImageLimits.DEFAULT.decoder();
    var portrait = decoder.decode(org.ganscan.image.ImageLimits.DEFAULT.read(DevSet.file("gan/fakeav__10.png")));
    try (FaceModels models = org.ganscan.TestScan.models(); FaceAnalyzer analyzer = models.newAnalyzer()) {
      FaceAnalysis a = analyzer.analyze(portrait.image());
      assertEquals(1, a.faces().size());
      PersonMask mask = a.personMask().orElseThrow();
      assertTrue(mask.at(a.faces().get(0).detection().keypoints().nose()) > 0.9);
      double share = mask.personShare();
      assertTrue(share > 0.2 && share < 0.95, "person share " + share);
    }
  }

  @Test
  void analysisIsDeterministic() throws Exception {
    var decoder = org.ganscan.image.ImageLimits.DEFAULT.decoder();
    var portrait = decoder.decode(org.ganscan.image.ImageLimits.DEFAULT.read(DevSet.images("real").get(3)));
    try (FaceModels models = org.ganscan.TestScan.models(); FaceAnalyzer a = models.newAnalyzer(); FaceAnalyzer b = models.newAnalyzer()) {
      assertEquals(a.analyze(portrait.image()).faces(), b.analyze(portrait.image()).faces());
    }
  }
}
