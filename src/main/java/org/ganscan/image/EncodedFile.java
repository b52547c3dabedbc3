package org.ganscan.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.ganscan.cache.ResourceCache;

/**
 * The bytes of one input file, read once, with their sha256. The file itself is never written.
 * Immutable: the public constructor and {@link #bytes()} copy; the decoder in this package reads
 * the array itself.
 */
public final class EncodedFile {
  private final Path path;
  private final byte[] bytes;
  private final String sha256;

  /** A file of a copy of {@code bytes}. */
  public EncodedFile(Path path, byte[] bytes, String sha256) {
    this(path, sha256, bytes.clone());
  }

  private EncodedFile(Path path, String sha256, byte[] owned) {
    this.path = Objects.requireNonNull(path, "path");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    this.bytes = owned;
  }

  public Path path() {
    return path;
  }

  /** The file's bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  public String sha256() {
    return sha256;
  }

  public int size() {
    return bytes.length;
  }

  /** The array itself, for the decoder in this package; never written to. */
  byte[] shared() {
    return bytes;
  }

  /** Reads a file, refusing anything larger than {@code maxBytes}. */
  public static EncodedFile read(Path path, long maxBytes) throws ImageException {
    try {
      if (Files.isDirectory(path)) {
        throw new ImageException("unreadable: is a directory");
      }
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new ImageException("file too large: " + size + " bytes exceeds the limit of " + maxBytes + " bytes");
      }
      byte[] bytes = Files.readAllBytes(path);
      return new EncodedFile(path, ResourceCache.sha256(bytes), bytes);
    } catch (NoSuchFileException e) {
      throw new ImageException("unreadable: no such file", e);
    } catch (AccessDeniedException e) {
      throw new ImageException("unreadable: permission denied", e);
    } catch (IOException e) {
      throw new ImageException("unreadable: " + e.getMessage(), e);
    }
  }
}
