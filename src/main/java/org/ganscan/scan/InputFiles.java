package org.ganscan.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the user's paths: files as given, folders walked recursively in sorted path order. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * @return every file to scan, in argument order; a path that does not exist is kept, so it gets
   *     an error record of its own
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> !Files.isDirectory(f)).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list folder " + p, e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
