package org.ganscan.scan;

import java.util.concurrent.Semaphore;
import org.ganscan.image.ImageException;

/**
 * How many pixels the workers of one process may have decoded at once, so {@code --threads N}
 * cannot multiply memory: each file takes its pixels from the budget before it is decoded and
 * gives them back when its analysis is done, waiting while others hold them. An image larger than
 * the whole budget is refused from its header, with what it would need. The default budget is what
 * the JVM's heap can hold at {@link #BYTES_PER_PIXEL}. Thread-safe; one per scan.
 */
public final class PixelBudget {
  /** Heap bytes one decoded pixel costs through the analysis: RGB, grey raster, the OpenCV copies. */
  static final long BYTES_PER_PIXEL = 16;
  private final long pixels;
  /** Permits count kilopixels, so budgets beyond 2^31 pixels fit a semaphore. */
  private final Semaphore permits;

  public PixelBudget(long pixels) {
    if (pixels <= 0) {
      throw new IllegalArgumentException("the pixel budget must be positive: " + pixels);
    }
    this.pixels = pixels;
    this.permits = new Semaphore((int) Math.min(Integer.MAX_VALUE, kilo(pixels)), true);
  }

  /** What this JVM's heap holds. */
  public static PixelBudget ofHeap() {
    return new PixelBudget(Math.max(1, Runtime.getRuntime().maxMemory() / BYTES_PER_PIXEL));
  }

  public long pixels() {
    return pixels;
  }

  /** A hold on part of the budget, given back on close. */
  public interface Hold extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes {@code count} pixels from the budget, waiting while other files hold them.
   *
   * @throws ImageException when the image alone needs more than the whole budget
   */
  public Hold take(long count) throws ImageException {
    if (count > pixels) {
      throw new ImageException(String.format(java.util.Locale.ROOT,
          "image too large for this process's memory: %.1f megapixels need about %.1f GB of heap; this JVM has %.1f GB (-Xmx)",
          count / 1e6, count * BYTES_PER_PIXEL / 1e9, pixels * BYTES_PER_PIXEL / 1e9));
    }
    int k = (int) Math.min(Integer.MAX_VALUE, Math.max(1, kilo(count)));
    try {
      permits.acquire(k);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted while waiting for memory to decode");
    }
    return () -> permits.release(k);
  }

  private static long kilo(long pixels) {
    return (pixels + 999) / 1000;
  }
}
