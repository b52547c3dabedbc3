package org.ganscan.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ganscan.face.FaceModels;
import org.ganscan.image.ImageLimits;
import org.ganscan.score.FeatureSpace;
import org.ganscan.score.FittedScorer;
import org.ganscan.score.NotScored;
import org.ganscan.trait.RegionTextureTrait;
import org.ganscan.trait.TextureProbe;
import org.ganscan.trait.Trait;
import org.ganscan.trait.Traits;

/**
 * The standard scan, built in one place for every caller (the cli, eval, bench, report, tests and
 * batch jobs): the traits, the score model checked against their declared features, the limits,
 * the face models loaded once and the provenance every record carries. Opening one runs the
 * explicit native initialiser ({@link Natives#init}) first.
 *
 * <p>Per process, open one and share it: its models are shared by every worker, and each worker
 * thread gets its own {@link Pipeline} ({@link #pipeline()} or a {@link Scanner}).
 */
public final class StandardScan implements AutoCloseable {
  private final ScanSettings settings;
  private final FaceModels models;
  private final ToolInfo tool;

  private StandardScan(ScanSettings settings, FaceModels models) {
    this.settings = settings;
    this.models = models;
    this.tool = new ToolInfo(ToolInfo.currentVersion(), models.checksums(), settings.scorer().describe(), settings.scorer().identity());
  }

  /** The standard traits, in output order. */
  public static List<Trait> traits() {
    return Traits.all();
  }

  /** The feature space the standard traits declare. */
  public static FeatureSpace features() {
    return FeatureSpace.of(traits());
  }

  /**
   * The standard settings: every trait, scored by the bundled model (or {@code modelFile}, one a
   * user fitted, or the {@code model.json} in that folder as 'ganscan train' writes it), checked
   * against the traits' declared features.
   *
   * @throws FeatureSpace.FeatureMismatchException when the model uses a feature no trait declares
   */
  public static ScanSettings settings(ImageLimits limits, Path modelFile) {
    Path file = modelFile == null ? null : modelFile(modelFile);
    if (file == null) {
      List<Trait> traits = traits();
      return new ScanSettings(traits, FittedScorer.bundled(FeatureSpace.of(traits)), limits);
    }
    Path probe = probeFile(file);
    return settings(limits, read(file), file.getFileName().toString(), probe == null ? null : read(probe), probe == null ? null : probe.toString());
  }

  /** The region texture probe beside a model file (as 'ganscan train' writes them), or null when there is none. */
  public static Path probeFile(Path modelFile) {
    Path probe = modelFile.resolveSibling(PROBE_FILE);
    return Files.isRegularFile(probe) ? probe : null;
  }

  /** The region texture probe 'ganscan train' writes beside its model; a scan with that model uses it. */
  public static final String PROBE_FILE = "region-texture-probe.json";

  /**
   * The settings of a measuring run that fits a new model: the standard traits, with the region
   * texture reporting its descriptors for a probe to be fitted on, and no score (the model that
   * would give one is what the run makes).
   */
  public static ScanSettings forFitting(ImageLimits limits) {
    List<Trait> traits = traits().stream().map(t -> t.name().equals(RegionTextureTrait.NAME) ? RegionTextureTrait.descriptorsOnly() : t).toList();
    return new ScanSettings(traits, new NotScored(), limits);
  }

  /** The model file {@code --model} names: the file itself, or {@code model.json} in a folder ({@code train}'s output). */
  public static Path modelFile(Path fileOrFolder) {
    return Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve("model.json") : fileOrFolder;
  }

  /**
   * The standard settings with a score model and, when not null, the region texture probe fitted
   * with it, both given as their bytes (a distributed job reads the files once and ships them).
   */
  public static ScanSettings settings(ImageLimits limits, byte[] modelJson, String fileName, byte[] probeJson) {
    return settings(limits, modelJson, fileName, probeJson, PROBE_FILE + " beside " + fileName);
  }

  private static ScanSettings settings(ImageLimits limits, byte[] modelJson, String fileName, byte[] probeJson, String probeName) {
    TextureProbe probe = probeJson == null ? null : TextureProbe.parse(probeJson, probeName);
    List<Trait> traits = probe == null ? traits() : traits().stream()
        .map(t -> t.name().equals(RegionTextureTrait.NAME) ? RegionTextureTrait.withProbe(probe) : t).toList();
    return new ScanSettings(traits, FittedScorer.fromBytes(modelJson, fileName, FeatureSpace.of(traits)), limits);
  }

  /** The standard settings with the bundled model. */
  public static ScanSettings settings(ImageLimits limits) {
    return settings(limits, null);
  }

  /**
   * Initialises the natives, then loads the face models for {@code settings}.
   *
   * @param quietModelLoads silence native standard error while models load (a process-wide
   *     effect: for an entry point that owns the terminal)
   */
  public static StandardScan open(ScanSettings settings, boolean quietModelLoads) {
    Natives.init();
    return new StandardScan(settings, FaceModels.load(quietModelLoads));
  }

  /**
   * Initialises the natives and starts loading the face models on a thread of its own, so that an
   * entry point builds its settings (traits, JSON models) while the models load: on two cores a
   * one-file scan starts about 0.1 s sooner. Pass it to {@link #open(ScanSettings, ModelLoad)};
   * closing it releases the models if they were never taken.
   */
  public static ModelLoad startLoading(boolean quietModelLoads) {
    Natives.init();
    return new ModelLoad(quietModelLoads);
  }

  /** Face models being loaded in the background ({@link #startLoading}). */
  public static final class ModelLoad implements AutoCloseable {
    private final java.util.concurrent.CompletableFuture<FaceModels> models = new java.util.concurrent.CompletableFuture<>();
    private boolean taken;

    private ModelLoad(boolean quiet) {
      Thread t = new Thread(() -> {
        try {
          models.complete(FaceModels.load(quiet));
        } catch (RuntimeException | Error e) {
          models.completeExceptionally(e);
        }
      }, "ganscan-model-load");
      t.setDaemon(true);
      t.start();
    }

    synchronized FaceModels take() {
      if (taken) {
        throw new IllegalStateException("these models were already taken");
      }
      taken = true;
      try {
        return models.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }

    /** Waits until the load is over, whether or not it succeeded (whoever takes the models hears how it failed). */
    public void awaitFinished() {
      try {
        models.join();
      } catch (RuntimeException e) {
        // reported by take()
      }
    }

    /** Waits for a load that was never taken (so nothing it silences outlives the call) and releases its models. */
    @Override
    public synchronized void close() {
      if (!taken) {
        taken = true;
        try {
          models.join().close();
        } catch (RuntimeException e) {
          // the load failed, and nobody asked for its models: nothing to release
        }
      }
    }
  }

  /** The scan of {@code settings} with the models {@link #startLoading} is loading. */
  public static StandardScan open(ScanSettings settings, ModelLoad load) {
    return new StandardScan(settings, load.take());
  }

  /** The standard scan with the bundled model. */
  public static StandardScan open(ImageLimits limits, boolean quietModelLoads) {
    return open(settings(limits), quietModelLoads);
  }

  public ScanSettings settings() {
    return settings;
  }

  public FaceModels models() {
    return models;
  }

  /** Provenance for every record this scan writes. */
  public ToolInfo tool() {
    return tool;
  }

  /** One worker's pipeline; not thread-safe, close it when done. */
  public Pipeline pipeline() {
    return new Pipeline(settings, models.newAnalyzer());
  }

  /** A batch runner on {@code threads} workers. */
  public Scanner scanner(int threads) {
    return new Scanner(models, settings, threads);
  }

  /** A batch runner with the cascade on or off ({@link ScanSettings#cascade}), whatever these settings say. */
  public Scanner scanner(int threads, boolean cascade) {
    return new Scanner(models, settings.withCascade(cascade), threads);
  }

  /** A batch runner whose images with a face also go to {@code evidence} (overlays). */
  public Scanner scanner(int threads, EvidenceSink evidence) {
    return new Scanner(models, settings.withEvidence(evidence), threads);
  }

  private static byte[] read(Path modelFile) {
    try {
      return Files.readAllBytes(modelFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the score model " + modelFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    models.close();
  }
}
