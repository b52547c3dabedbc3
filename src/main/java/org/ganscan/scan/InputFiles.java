package org.ganscan.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the user's paths: files as given, folders walked recursively in sorted path order, each
 * file once (a file named twice, or inside a folder also named, keeps its first place).
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * @return every file to scan, in argument order, once: two spellings of the same path (
   *     {@code dir/a.jpg} beside {@code dir}, or {@code ./dir/../dir/a.jpg}) are one input with one
   *     record, while two names of one file (a link) stay two inputs; a path that does not exist is
   *     kept, and so is a subfolder that cannot be listed, so each gets an error record of its own and
   *     the walk goes on
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (Path p : paths) {
      for (Path file : Files.isDirectory(p) ? walk(p) : List.of(p)) {
        if (seen.add(identity(file))) {
          out.add(file);
        }
      }
    }
    return out;
  }

  /**
   * What makes two named paths one input: the same absolute, normalised path. A batch lister that
   * mixes these paths with others (the Spark job) goes by it too.
   */
  public static Path identity(Path file) {
    return file.toAbsolutePath().normalize();
  }

  private static List<Path> walk(Path root) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          // A symlink to a folder is not followed (no endless walks), as before.
          if (!Files.isDirectory(file)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          found.add(file); // an unlistable folder or unreadable entry: its record says why
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (e != null) {
            found.add(dir); // listing broke off part way
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      found.add(root);
    }
    return found.stream().distinct().sorted().toList();
  }
}
