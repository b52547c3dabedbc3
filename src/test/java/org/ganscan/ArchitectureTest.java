package org.ganscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house rules the code must keep: data flows one way, only cli prints, OpenCV and ONNX stay in their packages. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/ganscan");
  /** Which packages each package may import. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("cache", Set.of()),
      Map.entry("imaging", Set.of("cache")),
      Map.entry("inference", Set.of("cache")),
      Map.entry("image", Set.of("cache", "imaging")),
      Map.entry("face", Set.of("imaging", "inference")),
      Map.entry("trait", Set.of("face", "image", "imaging")),
      Map.entry("score", Set.of("cache", "trait")),
      Map.entry("fingerprint", Set.of("face", "imaging")),
      Map.entry("learned", Set.of("face", "image", "imaging", "inference")),
      Map.entry("scan", Set.of("face", "fingerprint", "image", "imaging", "inference", "learned", "score", "trait")),
      Map.entry("group", Set.of("face", "fingerprint", "imaging", "trait")),
      Map.entry("records", Set.of("cache", "face", "fingerprint", "group", "learned", "scan", "score", "trait")),
      Map.entry("eval", Set.of("cache", "face", "image", "imaging", "scan", "score", "trait")),
      Map.entry("report", Set.of("face", "group", "imaging", "records", "scan", "score", "trait")),
      Map.entry("cli", Set.of("cache", "face", "fingerprint", "image", "imaging", "scan", "score", "group", "eval", "records", "report")),
      // The Spark job is an entry point beside cli: it drives the scan and grouping, as the CLI does.
      Map.entry("spark", Set.of("cache", "fingerprint", "group", "image", "records", "scan")));

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String pkg(Path p) {
    return MAIN.relativize(p).getName(0).toString();
  }

  @Test
  void stagesOnlyLookDownstream() throws IOException {
    Pattern imp = Pattern.compile("org\\.ganscan\\.([a-z]+)\\.");
    List<String> bad = new ArrayList<>();
    for (Path p : sources()) {
      String own = pkg(p);
      Matcher m = imp.matcher(Files.readString(p));
      while (m.find()) {
        String other = m.group(1);
        if (!other.equals(own) && !ALLOWED.getOrDefault(own, Set.of()).contains(other)) {
          bad.add(p + " uses " + other);
        }
      }
    }
    assertEquals(List.of(), bad.stream().distinct().toList());
  }

  /**
   * The standard scan is built by one public factory outside cli: the commands call it and do not
   * assemble traits, scorers, settings or provenance themselves; library code sets no process-wide
   * state outside the explicit initialiser.
   */
  @Test
  void cliIsNotThePlaceThatBuildsAScanAndOnlyTheInitialiserTouchesProcessState() throws IOException {
    assertTrue(java.lang.reflect.Modifier.isPublic(org.ganscan.scan.StandardScan.class.getModifiers()));
    List<String> bad = new ArrayList<>();
    for (Path p : sources()) {
      String text = Files.readString(p);
      String own = pkg(p);
      if (own.equals("cli")) {
        for (String s : List.of("new ScanSettings(", "Traits.all()", "FittedScorer.bundled", "new ToolInfo(", "FaceModels.load(", "new Scanner(")) {
          if (text.contains(s)) {
            bad.add(p + " builds part of the scan itself (" + s + "); call StandardScan");
          }
        }
      }
      boolean initialiser = p.endsWith("scan/Natives.java") || p.endsWith("imaging/OpenCv.java") || p.endsWith("inference/OnnxRuntimeSetup.java")
          || p.endsWith("cli/Main.java");
      for (String s : List.of("System.setProperty(", "Core.setNumThreads(", ".setLevel(")) {
        if (!initialiser && text.contains(s)) {
          bad.add(p + " changes process-wide state (" + s + ") outside the explicit initialiser");
        }
      }
      if (!own.equals("scan") && text.contains("OnnxRuntimeSetup.prepare()") || !own.equals("scan") && text.contains("OpenCv.setThreads(")) {
        bad.add(p + " runs native set-up; only scan.Natives does");
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void onlyCliPrintsAndNativeLibrariesStayInTheirPackages() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path p : sources()) {
      String text = Files.readString(p);
      String own = pkg(p);
      boolean entryPoint = own.equals("cli") || p.endsWith("spark/ScanJob.java");
      if (!entryPoint && (text.contains("System.out") || text.contains("System.err") || text.contains("printStackTrace"))) {
        bad.add(p + " prints");
      }
      if (!own.equals("imaging") && text.contains("import org.opencv")) {
        bad.add(p + " uses OpenCV outside imaging");
      }
      if (!own.equals("inference") && (text.contains("import ai.djl") || text.contains("import ai.onnxruntime"))) {
        bad.add(p + " uses ONNX/DJL outside inference");
      }
      if (text.matches("(?s).*\"https?://.*")) {
        bad.add(p + " names a URL");
      }
    }
    assertEquals(List.of(), bad);
  }
}
