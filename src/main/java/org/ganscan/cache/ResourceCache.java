package org.ganscan.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Unpacks classpath resources once into a versioned folder so later runs load them directly.
 *
 * <p>Writes go through a temporary file and an atomic rename, so concurrent processes never see a
 * half-written file. A cached file whose sha256 no longer matches the resource is replaced.
 */
public final class ResourceCache {
  private final Path root;

  public ResourceCache(Path root) {
    this.root = root;
  }

  /** The default cache: {@code -Dganscan.cache}, else {@code $XDG_CACHE_HOME/ganscan}, else {@code ~/.cache/ganscan}. */
  public static ResourceCache defaultCache() {
    String explicit = System.getProperty("ganscan.cache");
    if (explicit != null && !explicit.isBlank()) {
      return new ResourceCache(Path.of(explicit));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return new ResourceCache(base.resolve("ganscan"));
  }

  /** Whether this JVM runs on 64-bit x86 Linux, the one platform whose native libraries the jar carries. */
  public static boolean linuxX64() {
    return System.getProperty("os.name", "").toLowerCase().contains("linux")
        && System.getProperty("os.arch", "").matches("amd64|x86_64");
  }

  public Path root() {
    return root;
  }

  /**
   * Returns a file holding the resource's bytes under {@code folder}, unpacking it if needed.
   *
   * @return empty when the resource is not on the classpath
   */
  public Optional<Path> materialize(String resource, String folder, String fileName) {
    java.net.URL url = ResourceCache.class.getClassLoader().getResource(resource);
    return url == null ? Optional.empty() : Optional.of(materialize(url, folder, fileName));
  }

  /** A file holding the bytes at {@code url} under {@code folder}, unpacked if needed. */
  Path materialize(java.net.URL url, String folder, String fileName) {
    Path dir = root.resolve(folder);
    Path target = dir.resolve(fileName);
    Path stampFile = dir.resolve(fileName + ".stamp");
    try {
      // Hashing a 65 MB native library on every start costs most of a second. A stamp written beside
      // the cached copy, after its sha256 was checked against the resource, names the resource
      // (its jar entry's size and CRC-32, or its file's size and time) and the copy (its size and
      // time): while both are unchanged the copy is the one that was checked. The jar's own name is
      // left out, so two builds (or clones) carrying the same library share one checked copy instead of
      // each hashing it again whenever the other ran last.
      String source = sourceStamp(url);
      if (source != null && Files.isRegularFile(target) && Files.isRegularFile(stampFile)
          && Files.readString(stampFile).equals(stamp(source, target))) {
        return target;
      }
      String want;
      try (InputStream probe = url.openStream()) {
        want = sha256(probe);
      }
      if (!(Files.isRegularFile(target) && want.equals(sha256(target)))) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, fileName, ".part");
        try (InputStream in = url.openStream()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        moveIntoPlace(tmp, target);
      }
      if (source != null) {
        Path tmp = Files.createTempFile(dir, fileName, ".stamp.part");
        Files.writeString(tmp, stamp(source, target));
        moveIntoPlace(tmp, stampFile);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + url + " into " + root, e);
    }
  }

  /**
   * What identifies the resource's bytes without reading them: a jar entry's size and CRC-32
   * (whichever jar holds it), or a file's path, size and time; null if neither.
   */
  private static String sourceStamp(java.net.URL url) throws IOException {
    java.net.URLConnection c = url.openConnection();
    if (c instanceof java.net.JarURLConnection jar) {
      jar.setUseCaches(false);
      java.util.jar.JarEntry entry = jar.getJarEntry();
      try (java.util.jar.JarFile file = jar.getJarFile()) {
        return entry == null || entry.getCrc() < 0 ? null : "jar entry " + entry.getSize() + " crc32 " + entry.getCrc();
      }
    }
    if ("file".equals(url.getProtocol())) {
      try {
        Path p = Path.of(url.toURI());
        return "file " + p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
      } catch (java.net.URISyntaxException e) {
        return null;
      }
    }
    return null;
  }

  private static String stamp(String source, Path target) throws IOException {
    return source + "\ncopy " + Files.size(target) + " " + Files.getLastModifiedTime(target).toMillis() + "\n";
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Hex sha256 of a file. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  /** Hex sha256 of a stream, read to its end. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    try (DigestInputStream din = new DigestInputStream(in, digest)) {
      din.transferTo(OutputStreamSink.INSTANCE);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Hex sha256 of bytes. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** A fresh SHA-256 digest, for hashing a stream in blocks. */
  public static MessageDigest newSha256() {
    return newDigest();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** Discards bytes; the digest is computed as they stream past. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
