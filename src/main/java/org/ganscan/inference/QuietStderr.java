package org.ganscan.inference;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.function.Supplier;

/**
 * Runs a model load with the process's native standard error sent to /dev/null.
 *
 * <p>DJL creates ONNX Runtime's environment at warning level and offers no way to lower it, so
 * every load of the BlazeFace exports prints warnings about unused initialisers that would
 * otherwise reach the analyst's terminal. Load failures still surface as exceptions.
 */
final class QuietStderr {
  private static final int STDERR = 2;
  private static final int O_WRONLY = 1;

  private QuietStderr() {}

  /** The C library calls used; loaded only on Linux. */
  interface CLib extends Library {
    int dup(int fd);

    int dup2(int from, int to);

    int open(String path, int flags);

    int close(int fd);
  }

  static synchronized <T> T during(Supplier<T> action) {
    CLib c = libc();
    if (c == null) {
      return action.get();
    }
    int saved = c.dup(STDERR);
    int devNull = c.open("/dev/null", O_WRONLY);
    if (saved < 0 || devNull < 0) {
      if (saved >= 0) {
        c.close(saved);
      }
      if (devNull >= 0) {
        c.close(devNull);
      }
      return action.get();
    }
    try {
      c.dup2(devNull, STDERR);
      return action.get();
    } finally {
      c.dup2(saved, STDERR);
      c.close(saved);
      c.close(devNull);
    }
  }

  private static CLib libc() {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return null;
    }
    try {
      return Native.load("c", CLib.class);
    } catch (UnsatisfiedLinkError e) {
      return null;
    }
  }
}
