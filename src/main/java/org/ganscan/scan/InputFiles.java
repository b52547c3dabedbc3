package org.ganscan.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Expands the user's paths: files as given, folders walked recursively in sorted path order. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * @return every file to scan, in argument order; a path that does not exist is kept, and so is a
   *     subfolder that cannot be listed, so each gets an error record of its own and the walk goes on
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        out.addAll(walk(p));
      } else {
        out.add(p);
      }
    }
    return out;
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
