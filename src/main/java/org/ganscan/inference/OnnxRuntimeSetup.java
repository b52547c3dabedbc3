package org.ganscan.inference;

import org.ganscan.cache.ResourceCache;

/**
 * Points ONNX Runtime at native libraries unpacked once into the cache, before any ONNX Runtime or
 * DJL class loads, turns off DJL's call-home, and keeps JNA from starting a child process. ganscan never opens a network connection. These
 * are process-wide system properties, so only the explicit initialiser
 * (the scan stage's {@code Natives}) calls this; model loading checks it was done.
 */
public final class OnnxRuntimeSetup {
  static final String ORT_VERSION = "1.28.0";

  private OnnxRuntimeSetup() {}

  /** Sets the properties (where the user has not) and unpacks the natives; idempotent. */
  public static void prepare() {
    Holder.touch();
  }

  private static final class Holder {
    static {
      setIfAbsent("ai.djl.offline", "true");
      setIfAbsent("OPT_OUT_TRACKING", "true");
      setIfAbsent("ai.djl.onnx.disable_alternative", "true");
      // JNA (which QuietStderr uses for libc) otherwise runs 'ldconfig -p' in a child process at every
      // start to list the system's library folders; libc is found by its soname without them.
      setIfAbsent("jna.platform.library.path", "");
      boolean linuxX64 = ResourceCache.linuxX64();
      if (linuxX64 && System.getProperty("onnxruntime.native.path") == null) {
        ResourceCache cache = ResourceCache.defaultCache();
        String folder = "natives/onnxruntime-" + ORT_VERSION;
        String base = "ai/onnxruntime/native/linux-x64/";
        var lib = cache.materialize(base + "libonnxruntime.so", folder, "libonnxruntime.so");
        var jni = cache.materialize(base + "libonnxruntime4j_jni.so", folder, "libonnxruntime4j_jni.so");
        if (lib.isPresent() && jni.isPresent()) {
          System.setProperty("onnxruntime.native.path", lib.get().getParent().toAbsolutePath().toString());
        }
      }
    }

    private static void setIfAbsent(String key, String value) {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    }

    static void touch() {}
  }
}
