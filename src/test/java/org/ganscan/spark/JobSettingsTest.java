package org.ganscan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.ganscan.image.ImageLimits;
import org.ganscan.score.LogisticModel;
import org.ganscan.trait.RegionTextureTrait;
import org.junit.jupiter.api.Test;

/** What the driver ships to the executors: a model folder's texture probe reaches every executor's scan. */
class JobSettingsTest {
  @Test
  void theProbeBesideAModelIsTheOneTheExecutorsScoreTextureWith() {
    byte[] model = LogisticModel.bundled().toJson().getBytes(StandardCharsets.UTF_8);
    // A probe that says 7 for every face, whatever its descriptors.
    LogisticModel any = LogisticModel.parse(readProbe(), "probe");
    byte[] constant = new LogisticModel("constant", any.features(), any.means(), any.scales(), new double[any.features().size()], 7.0, 0.5, 0.5,
        java.util.Map.of()).toJson().getBytes(StandardCharsets.UTF_8);
    JobSettings bundled = new JobSettings(ImageLimits.DEFAULT_MAX_PIXELS, false, 60_000, model, "model.json");
    JobSettings withProbe = new JobSettings(ImageLimits.DEFAULT_MAX_PIXELS, false, 60_000, model, "model.json", constant);
    double[] descriptors = new double[RegionTextureTrait.descriptorNames().size()];
    assertEquals(7.0, texture(withProbe).scored(descriptors).value(), 1e-12);
    assertNotEquals(7.0, texture(bundled).scored(descriptors).value(), 1e-6);
    assertNotEquals(bundled.key(), withProbe.key(), "executors share one model set per distinct settings, probe included");
  }

  private static RegionTextureTrait texture(JobSettings s) {
    return (RegionTextureTrait) s.scanSettings().traits().stream().filter(t -> t.name().equals(RegionTextureTrait.NAME)).findFirst().orElseThrow();
  }

  private static byte[] readProbe() {
    try (var in = JobSettingsTest.class.getClassLoader().getResourceAsStream("org/ganscan/trait/region-texture-probe.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
