package org.ganscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ganscan.face.FaceModels;
import org.ganscan.scan.InputFiles;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.Scanner;
import org.ganscan.score.EyePositionScorer;
import org.ganscan.trait.EyePositionTrait;

/** The labelled dev set beside the checkout, and one shared scan of it per test JVM. */
public final class DevSet {
  private static Map<String, ScanResult> scanned;
  private static Map<String, Map<String, String>> manifest;

  private DevSet() {}

  public static Path root() {
    Path root = Path.of(System.getProperty("ganscan.devset", "../shared/dev-set"));
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(root.resolve("gan")),
        SkippedDataReport.PREFIX + "dev set (239 images) at " + root + ": it is not there (CI has it; point to it with -Dganscan.devset=DIR)");
    return root;
  }

  public static Path file(String relative) {
    return root().resolve(relative);
  }

  /** Image files of one class folder, sorted. */
  public static List<Path> images(String label) {
    try (Stream<Path> s = Files.list(root().resolve(label))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** MANIFEST.tsv rows keyed by relative file name, e.g. {@code gan/x.png}. */
  public static synchronized Map<String, Map<String, String>> manifest() {
    if (manifest == null) {
      try {
        manifest = org.ganscan.eval.LabelledSet.manifest(root().resolve("MANIFEST.tsv"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return manifest;
  }

  /** Every dev-set file scanned once with the real models, keyed by relative path. */
  public static synchronized Map<String, ScanResult> scan() {
    if (scanned == null) {
      ScanSettings settings = new ScanSettings(List.of(new EyePositionTrait()), new EyePositionScorer(), org.ganscan.image.ImageLimits.DEFAULT);
      Map<String, ScanResult> out = new HashMap<>();
      try (FaceModels models = org.ganscan.TestScan.models(); Scanner scanner = new Scanner(models, settings, 2)) {
        for (ScanResult r : scanner.scanAll(InputFiles.expand(List.of(root())))) {
          out.put(root().relativize(Path.of(r.path())).toString(), r);
        }
      }
      scanned = out;
    }
    return scanned;
  }
}
