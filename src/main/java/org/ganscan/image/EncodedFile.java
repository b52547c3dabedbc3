package org.ganscan.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ganscan.cache.ResourceCache;

/** The bytes of one input file, read once, with their sha256. The file itself is never written. */
public record EncodedFile(Path path, byte[] bytes, String sha256) {

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
      return new EncodedFile(path, bytes, ResourceCache.sha256(bytes));
    } catch (NoSuchFileException e) {
      throw new ImageException("unreadable: no such file", e);
    } catch (AccessDeniedException e) {
      throw new ImageException("unreadable: permission denied", e);
    } catch (IOException e) {
      throw new ImageException("unreadable: " + e.getMessage(), e);
    }
  }
}
