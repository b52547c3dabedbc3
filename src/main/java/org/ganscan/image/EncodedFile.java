package org.ganscan.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
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

  /** Leading bytes read to recognise the format before the rest of the file is read. */
  static final int SNIFF_BYTES = 16;

  /**
   * Reads a file, refusing anything larger than {@code maxBytes}. Only regular files are opened: a
   * FIFO, device or socket (also behind a symlink) is refused from its type, before it is opened,
   * so it can neither hang the batch nor stream without end. The format is recognised from the
   * first {@link #SNIFF_BYTES} bytes before the rest is read: a file that is no image is only
   * hashed (streamed, in bounded memory) and keeps just its leading bytes, which is all the decoder
   * needs to refuse it. Never reads more than {@code maxBytes}, even from a file that grows.
   */
  public static EncodedFile read(Path path, long maxBytes) throws ImageException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new ImageException("unreadable: " + folderReason(path));
      }
      if (!attributes.isRegularFile()) {
        throw new ImageException("unreadable: not a regular file (a FIFO, device or socket); refused without opening it");
      }
      long size = attributes.size();
      if (size > maxBytes) {
        throw new ImageException("file too large: " + size + " bytes exceeds the limit of " + maxBytes + " bytes");
      }
      try (InputStream in = Files.newInputStream(path)) {
        return read(path, in, maxBytes);
      }
    } catch (NoSuchFileException e) {
      throw new ImageException("unreadable: no such file", e);
    } catch (AccessDeniedException e) {
      throw new ImageException("unreadable: permission denied", e);
    } catch (IOException e) {
      throw new ImageException("unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an opened file (a regular file whose size is already known to be within {@code maxBytes},
   * from any file system), named {@code path}: the format is recognised from the first {@link
   * #SNIFF_BYTES} bytes, a file that is no image is only hashed, and nothing past {@code maxBytes}
   * is read even if the file grows.
   */
  public static EncodedFile read(Path path, InputStream in, long maxBytes) throws IOException, ImageException {
    byte[] head = in.readNBytes(SNIFF_BYTES);
    if (ImageFormat.sniff(head).isEmpty()) {
      return new EncodedFile(path, hashRest(head, in, maxBytes), head);
    }
    byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes - head.length + 1));
    if (head.length + (long) rest.length > maxBytes) {
      throw new ImageException("file too large: it grew past the limit of " + maxBytes + " bytes while being read");
    }
    byte[] bytes = new byte[head.length + rest.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(rest, 0, bytes, head.length, rest.length);
    return new EncodedFile(path, ResourceCache.sha256(bytes), bytes);
  }

  /** Why a folder reached the reader: one the folder walk could not list, or a folder given as a file. */
  private static String folderReason(Path path) {
    try (var listing = Files.newDirectoryStream(path)) {
      return "is a directory";
    } catch (AccessDeniedException e) {
      return "a folder that cannot be listed: permission denied";
    } catch (IOException e) {
      return "a folder that cannot be listed: " + e.getMessage();
    }
  }

  /** sha256 of {@code head} and the rest of the stream, read in blocks, at most {@code maxBytes} in all. */
  private static String hashRest(byte[] head, InputStream in, long maxBytes) throws IOException, ImageException {
    MessageDigest digest = ResourceCache.newSha256();
    digest.update(head);
    long total = head.length;
    byte[] block = new byte[1 << 16];
    for (int n; (n = in.read(block)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw new ImageException("file too large: it grew past the limit of " + maxBytes + " bytes while being read");
      }
      digest.update(block, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
