package org.ganscan.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ganscan.cache.ResourceCache;

/**
 * The models packed in the jar, as listed in the manifest. Each model's bytes are read and checked
 * against the manifest's sha256 once per process and then shared by every worker.
 */
public final class ModelCatalog {
  static final String ROOT = "org/ganscan/models/";
  private final Map<String, ModelFile> files;
  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();
  private final ResourceCache cache;
  private final boolean quietLoads;

  private ModelCatalog(Map<String, ModelFile> files, ResourceCache cache, boolean quietLoads) {
    this.files = files;
    this.cache = cache;
    this.quietLoads = quietLoads;
  }

  /**
   * Reads the manifest packed with the models.
   *
   * @param quietLoads send the process's native standard error to /dev/null while a model loads
   *     (ONNX Runtime prints warnings about the exports' unused initialisers); a process-wide
   *     effect, so only an entry point that owns the terminal asks for it
   */
  public static ModelCatalog load(boolean quietLoads) {
    try (InputStream in = resource("manifest.tsv")) {
      Map<String, ModelFile> files = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          ModelFile m = ModelFile.parse(line);
          files.put(m.file(), m);
        }
      }
      return new ModelCatalog(Collections.unmodifiableMap(files), ResourceCache.defaultCache(), quietLoads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether model loads silence native standard error. */
  public boolean quietLoads() {
    return quietLoads;
  }

  public List<ModelFile> files() {
    return new ArrayList<>(files.values());
  }

  /** Model file name to sha256, for run provenance. */
  public Map<String, String> checksums() {
    Map<String, String> out = new LinkedHashMap<>();
    files.values().forEach(m -> out.put(m.file(), m.sha256()));
    return out;
  }

  /** The model's bytes, verified against the manifest. */
  public byte[] bytes(String file) {
    return loaded.computeIfAbsent(file, this::readVerified);
  }

  /** A path on disk holding the verified model, for runtimes that only load from files. */
  public Path path(String file) {
    ModelFile m = entry(file);
    bytes(file);
    return cache
        .materialize(ROOT + file, "models/" + m.sha256().substring(0, 16), file)
        .orElseThrow(() -> missing(file));
  }

  private ModelFile entry(String file) {
    ModelFile m = files.get(file);
    if (m == null) {
      throw new IllegalArgumentException("model " + file + " is not in the model manifest");
    }
    return m;
  }

  private byte[] readVerified(String file) {
    ModelFile m = entry(file);
    try (InputStream in = resource(file)) {
      byte[] bytes = in.readAllBytes();
      String got = ResourceCache.sha256(bytes);
      if (!got.equals(m.sha256())) {
        throw new IllegalStateException(
            "model " + file + " has sha256 " + got + " but the manifest says " + m.sha256()
                + ". Fix: rebuild with 'mvn package' so models/fetch.sh fetches it again.");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file, e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(ROOT + file);
    if (in == null) {
      throw missing(file);
    }
    return in;
  }

  private static IllegalStateException missing(String file) {
    return new IllegalStateException(
        "model " + file + " is not packed in this build. Fix: run 'models/fetch.sh' (needs npm) and rebuild with 'mvn package'.");
  }
}
