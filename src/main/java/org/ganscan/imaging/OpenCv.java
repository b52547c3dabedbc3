package org.ganscan.imaging;

import org.ganscan.cache.ResourceCache;
import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per process.
 *
 * <p>The library is unpacked from the openpnp jar into a versioned cache the first time and loaded
 * from there afterwards, which saves about half a second per run over extracting it each start.
 */
public final class OpenCv {
  private static final String VERSION = "4.9.0-0";
  private static final String LINUX_X64 = "nu/pattern/opencv/linux/x86_64/libopencv_java490.so";

  private OpenCv() {}

  /** Makes sure the native library is loaded; safe to call from any thread, any number of times. */
  public static void load() {
    Holder.touch();
  }

  /**
   * Sets OpenCV's own thread pool size, a process-wide setting; only the explicit initialiser
   * (the scan stage's {@code Natives}) calls it.
   */
  public static void setThreads(int threads) {
    load();
    Core.setNumThreads(threads);
  }

  private static final class Holder {
    static {
      boolean linuxX64 = ResourceCache.linuxX64();
      var cached =
          linuxX64
              ? ResourceCache.defaultCache()
                  .materialize(LINUX_X64, "natives/opencv-" + VERSION, "libopencv_java490.so")
              : java.util.Optional.<java.nio.file.Path>empty();
      if (cached.isPresent()) {
        System.load(cached.get().toAbsolutePath().toString());
      } else {
        nu.pattern.OpenCV.loadLocally();
      }
    }

    static void touch() {}
  }
}
