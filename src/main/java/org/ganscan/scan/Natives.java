package org.ganscan.scan;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.ganscan.imaging.OpenCv;
import org.ganscan.inference.OnnxRuntimeSetup;

/**
 * The one place ganscan changes process-wide state, called by the entry point
 * ({@link StandardScan#open}) before any model loads; nothing else in the library does. Idempotent.
 *
 * <ul>
 *   <li>DJL offline and its tracking off, ONNX Runtime's natives unpacked once into the cache, and
 *       JNA's search for library folders through a child process off (system properties, set only
 *       where the user has not set them);
 *   <li>OpenCV's own thread pool at one thread: workers run one image each, and OpenCV's pool only
 *       adds contention;
 *   <li>Tribuo's per-fit INFO logging down to warnings (only the cli prints).
 * </ul>
 */
public final class Natives {
  /** Held so the level set on it is not lost when the logging framework drops an unreferenced logger. */
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  private Natives() {}

  public static void init() {
    OnnxRuntimeSetup.prepare();
    OpenCv.setThreads(1);
    TRIBUO.setLevel(Level.WARNING);
  }
}
