package org.ganscan.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output file, taken before the file is opened, so a second ganscan
 * writing the same file fails at once (instead of both losing records) and is told which process
 * holds it. The lock is an operating-system lock on {@code FILE.lock}, which holds the holder's
 * process id; it is released on close, and by the system if the process dies. The lock file
 * stays: deleting it would let a process that opened it just before the delete lock a file no
 * longer there while a third one locks its replacement.
 */
public final class OutputLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file beside {@code output}. */
  public static Path lockFile(Path output) {
    return output.resolveSibling(output.getFileName() + ".lock");
  }

  /**
   * @throws IOException naming the process that holds the lock, when another one does
   */
  public static OutputLock acquire(Path output) throws IOException {
    Path file = lockFile(output);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very process (another scan in the same JVM)
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ByteBuffer b = ByteBuffer.allocate(64);
      ch.read(b, 0);
      ch.close();
      String holder = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
      throw new IOException(output + " is being written by another ganscan (process " + (holder.isEmpty() ? "unknown" : holder)
          + ", lock " + file + "); wait for it or write elsewhere");
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    ch.force(false);
    return new OutputLock(file, ch, lock);
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
