package org.ganscan.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ganscan.Samples;
import org.ganscan.TestScan;
import org.ganscan.face.FaceModels;
import org.ganscan.image.ImageLimits;
import org.junit.jupiter.api.Test;

/**
 * The shared face models outlive every worker that still uses them. A file the scan gives up on
 * (the per-file limit) may keep its worker busy in native code after the batch is done; freeing
 * the models under it crashed the whole process (a forked test JVM aborted this way), which in a
 * long-lived process (a Spark executor, a test run) takes every other file's work with it.
 */
class ScannerLifetimeTest {
  @Test
  void aWorkerStillBusyWithAFileGivenUpOnKeepsTheModelsUntilItIsDoneAndThenFreesThem() throws Exception {
    CountDownLatch letGo = new CountDownLatch(1);
    Path held = Samples.gan().get(0);
    // Stands in for a native call that ignores interruption: the first file's worker is held here until let go.
    EvidenceSink stuck = (r, f) -> {
      if (r.path().equals(held.toString())) {
        boolean interrupted = false;
        while (letGo.getCount() > 0) {
          try {
            letGo.await();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ScanSettings settings = StandardScan.settings(ImageLimits.DEFAULT).withPerFile(Duration.ofSeconds(3)).withEvidence(stuck);
    FaceModels models = TestScan.models();
    List<ScanResult> results;
    try (Scanner scanner = new Scanner(models, settings, 1)) {
      results = scanner.scanAll(List.of(held, Samples.gan().get(1)));
    }
    assertEquals(ScanResult.Status.ERROR, results.get(0).status(), results.get(0).toString());
    assertTrue(results.get(0).error().contains("per-file limit"), results.get(0).error());
    assertEquals(ScanResult.Status.OK, results.get(1).status(), "the next file went to a fresh worker");

    models.close();
    assertFalse(models.released(), "the worker still busy with the given-up file holds the models");
    assertThrows(IllegalStateException.class, models::newAnalyzer, "closed models make no new analyzers");
    letGo.countDown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!models.released() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(models.released(), "once that worker is done it closes its pipeline and the models are freed");
  }

  @Test
  void withoutFilesGivenUpOnClosingTheScannerClosesEveryPipelineSoClosingTheModelsFreesThemAtOnce() {
    FaceModels models = TestScan.models();
    try (Scanner scanner = new Scanner(models, StandardScan.settings(ImageLimits.DEFAULT), 2)) {
      assertEquals(3, scanner.scanAll(Samples.gan().subList(0, 3)).size());
    }
    models.close();
    assertTrue(models.released());
  }
}
