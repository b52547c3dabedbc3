package org.ganscan.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked copies the natives and models load from: checked once, shared, replaced when wrong. */
class ResourceCacheTest {
  private static final String ENTRY = "lib/native.bin";

  private static URL jar(Path file, byte[] bytes) throws Exception {
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(ENTRY));
      jar.write(bytes);
      jar.closeEntry();
    }
    return new URL("jar:" + file.toUri() + "!/" + ENTRY);
  }

  private static byte[] random(long seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void twoJarsCarryingTheSameLibraryShareOneCheckedCopyAndADifferentOneReplacesIt(@TempDir Path dir) throws Exception {
    ResourceCache cache = new ResourceCache(dir.resolve("cache"));
    byte[] lib = random(1, 200_000);
    URL first = jar(dir.resolve("first.jar"), lib);
    URL second = jar(dir.resolve("second.jar"), lib);
    Path copy = cache.materialize(first, "natives", "native.bin");
    assertArrayEquals(lib, Files.readAllBytes(copy));
    Path stamp = copy.resolveSibling("native.bin.stamp");
    String stamped = Files.readString(stamp);
    FileTime stampTime = Files.getLastModifiedTime(stamp);
    // The other build's jar holds the same bytes: its start takes the checked copy as it is.
    assertEquals(copy, cache.materialize(second, "natives", "native.bin"));
    assertEquals(copy, cache.materialize(first, "natives", "native.bin"));
    assertEquals(stamped, Files.readString(stamp));
    assertEquals(stampTime, Files.getLastModifiedTime(stamp), "the copy was checked again although nothing changed");
    // A jar carrying other bytes under the same name gets its own bytes.
    byte[] other = random(2, 200_000);
    assertArrayEquals(other, Files.readAllBytes(cache.materialize(jar(dir.resolve("third.jar"), other), "natives", "native.bin")));
    assertNotEquals(stamped, Files.readString(stamp));
  }

  @Test
  void aCopyChangedOnDiskIsCheckedAgainAndReplaced(@TempDir Path dir) throws Exception {
    ResourceCache cache = new ResourceCache(dir.resolve("cache"));
    byte[] lib = random(3, 50_000);
    URL url = jar(dir.resolve("a.jar"), lib);
    Path copy = cache.materialize(url, "natives", "native.bin");
    byte[] tampered = lib.clone();
    tampered[100] ^= 1;
    Files.write(copy, tampered);
    Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 5_000));
    assertArrayEquals(lib, Files.readAllBytes(cache.materialize(url, "natives", "native.bin")));
  }
}
