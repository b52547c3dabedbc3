package org.ganscan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.ganscan.Samples;
import org.ganscan.TestScan;
import org.ganscan.face.FaceModels;
import org.ganscan.image.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-file limit: files given up on keep their workers busy until their native calls return,
 * and they crowd the cores; that crowding must not make the files after them run out of time.
 */
class ScannerLimitTest {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void filesGivenUpOnThatStillBurnTheCoresDoNotMakeTheFileAfterThemRunOutOfTime(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      files.add(Files.copy(Samples.gan().get(0), dir.resolve("hog" + i + ".png")));
    }
    Path next = Files.copy(Samples.gan().get(1), dir.resolve("next.png"));
    files.add(next);
    CountDownLatch letGo = new CountDownLatch(1);
    // The hogs stand in for native calls that ignore interruption and work until the test ends; the
    // last file needs 0.3 s of CPU beyond its scan, well inside its 1 s limit on a core of its own.
    EvidenceSink sink = (r, f) -> {
      if (r.path().contains("hog")) {
        while (letGo.getCount() > 0) {
          Thread.onSpinWait();
        }
      } else {
        long until = CPU.getCurrentThreadCpuTime() + 300_000_000L;
        while (CPU.getCurrentThreadCpuTime() < until) {
          Thread.onSpinWait();
        }
      }
    };
    ScanSettings settings = StandardScan.settings(ImageLimits.DEFAULT).withPerFile(Duration.ofSeconds(1)).withEvidence(sink);
    FaceModels models = TestScan.models();
    List<ScanResult> results;
    try (Scanner scanner = new Scanner(models, settings, 2)) {
      results = scanner.scanAll(files);
    } finally {
      letGo.countDown();
      models.close();
    }
    for (int i = 0; i < 6; i++) {
      assertEquals(ScanResult.Status.ERROR, results.get(i).status(), results.get(i).toString());
      assertTrue(results.get(i).error().contains("per-file limit of 1 s"), results.get(i).error());
    }
    assertTrue(results.subList(1, 6).stream().anyMatch(r -> r.error().contains("given up on before it still running")),
        "a hog given up on while others still ran says how long it had: " + results);
    ScanResult last = results.get(6);
    assertEquals(ScanResult.Status.OK, last.status(), "six busy workers given up on crowd two cores, yet the last file is scanned: " + last.error());
  }
}
