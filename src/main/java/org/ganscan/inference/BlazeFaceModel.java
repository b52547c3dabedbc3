package org.ganscan.inference;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/**
 * A BlazeFace detector on ONNX Runtime through DJL. One instance per model per process; each
 * worker thread takes its own {@link Session}, since DJL predictors are not thread-safe.
 */
public final class BlazeFaceModel implements AutoCloseable {
  /** The two BlazeFace exports ganscan uses. */
  public enum Variant {
    /** Short-range "front" model, 128 px: faces filling much of the frame, as in avatars. */
    FRONT_128("face_detection_front_128x128_barracuda.onnx", 128),
    /** "Back camera" model, 256 px: smaller faces, as in group photos. */
    BACK_256("face_detection_back_256x256_barracuda.onnx", 256);

    private final String file;
    private final int size;

    Variant(String file, int size) {
      this.file = file;
      this.size = size;
    }

    public String file() {
      return file;
    }

    public int size() {
      return size;
    }
  }

  private final Variant variant;
  private final ZooModel<float[], BlazeFaceOutput> model;

  public BlazeFaceModel(ModelCatalog catalog, Variant variant) {
    if (!"true".equals(System.getProperty("ai.djl.offline"))) {
      throw new IllegalStateException("DJL is not in offline mode: call Natives.init() of the scan stage (or set -Dai.djl.offline=true)"
          + " before loading models; ganscan never opens a network connection");
    }
    this.variant = variant;
    Criteria<float[], BlazeFaceOutput> criteria =
        Criteria.builder()
            .setTypes(float[].class, BlazeFaceOutput.class)
            .optModelPath(catalog.path(variant.file()))
            .optEngine("OnnxRuntime")
            .optTranslator(new BlazeFaceTranslator(variant.size()))
            // One intra-op and one inter-op thread: workers run images in parallel, and ONNX Runtime's
            // default pool spins between calls (30 % of a scan's CPU). DJL 0.38 hands the engine only the
            // criteria's options, never an optArgument, so the counts must travel as options.
            .optOption("intraOpNumThreads", "1")
            .optOption("interOpNumThreads", "1")
            .build();
    this.model = catalog.quietLoads() ? QuietStderr.during(() -> load(criteria, variant)) : load(criteria, variant);
  }

  private static ZooModel<float[], BlazeFaceOutput> load(Criteria<float[], BlazeFaceOutput> criteria, Variant variant) {
    try {
      return criteria.loadModel();
    } catch (IOException | ModelNotFoundException | MalformedModelException e) {
      throw new IllegalStateException("cannot load model " + variant.file() + ": " + e.getMessage(), e);
    }
  }

  public Variant variant() {
    return variant;
  }

  /** A predictor for one thread. */
  public Session newSession() {
    return new Session(model.newPredictor(), variant.file());
  }

  @Override
  public void close() {
    model.close();
  }

  /** One thread's predictor. */
  public static final class Session implements AutoCloseable {
    private final Predictor<float[], BlazeFaceOutput> predictor;
    private final String file;

    private Session(Predictor<float[], BlazeFaceOutput> predictor, String file) {
      this.predictor = predictor;
      this.file = file;
    }

    /** Runs the detector on an NHWC [1,S,S,3] input in [-1,1]. */
    public BlazeFaceOutput run(float[] nhwc) {
      try {
        return predictor.predict(nhwc);
      } catch (TranslateException e) {
        throw new IllegalStateException("model " + file + " failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      predictor.close();
    }
  }
}
