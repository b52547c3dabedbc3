package org.ganscan.face;

import java.util.Map;
import org.ganscan.inference.BlazeFaceModel;
import org.ganscan.inference.ModelCatalog;

/**
 * The face stage's models, loaded once per process and shared by all workers: the DJL model and
 * the verified bytes of the TFLite files. Each worker builds its own {@link FaceAnalyzer} from it.
 * Closing releases the shared models once the last analyzer is closed too: a worker still busy
 * with a file the scan gave up on (the per-file limit) keeps using them until it is done, so they
 * are never freed under it.
 */
public final class FaceModels implements AutoCloseable {
  static final String FACE_MESH = "face_landmark.tflite";
  static final String SELFIE = "selfie_segmentation.tflite";

  private final ModelCatalog catalog;
  private final BlazeFaceModel front;
  /** The 256 px detector, loaded on first need (one model for all workers, like the others). */
  private BlazeFaceModel back;
  private boolean closed;
  /** Analyzers made and not yet closed: the shared models are freed once closed with none open. */
  private int open;

  public FaceModels(ModelCatalog catalog) {
    this.catalog = catalog;
    this.front = new BlazeFaceModel(catalog, BlazeFaceModel.Variant.FRONT_128);
    catalog.bytes(BlazeFaceModel.Variant.BACK_256.file()); // verified now, loaded when first needed
    catalog.bytes(FACE_MESH);
    catalog.bytes(SELFIE);
  }

  private synchronized BlazeFaceModel.Session backSession() {
    if (released()) { // an open analyzer asks: closed models stay until it is done
      throw new IllegalStateException("the face models are closed");
    }
    if (back == null) {
      back = new BlazeFaceModel(catalog, BlazeFaceModel.Variant.BACK_256);
    }
    return back.newSession();
  }

  /**
   * @param quietLoads silence native standard error while the ONNX models load (see {@link ModelCatalog#load(boolean)})
   */
  public static FaceModels load(boolean quietLoads) {
    return new FaceModels(ModelCatalog.load(quietLoads));
  }

  /** Model file to sha256, for provenance. */
  public Map<String, String> checksums() {
    return catalog.checksums();
  }

  /** A new analyzer for one worker thread. */
  public FaceAnalyzer newAnalyzer() {
    FaceDetector detector;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the face models are closed");
      }
      detector = new FaceDetector(front.newSession(), this::backSession);
      open++;
    }
    try {
      return new FaceAnalyzer(detector, new FaceMesh(catalog.bytes(FACE_MESH)), () -> new SelfieSegmenter(catalog.bytes(SELFIE)), this::analyzerClosed);
    } catch (RuntimeException | Error e) {
      detector.close();
      analyzerClosed();
      throw e;
    }
  }

  private synchronized void analyzerClosed() {
    open--;
    if (released()) {
      free();
    }
  }

  /** Whether the shared models have been freed (closed, and no analyzer left open). */
  public synchronized boolean released() {
    return closed && open == 0;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (released()) {
      free();
    }
  }

  private void free() {
    front.close();
    if (back != null) {
      back.close();
    }
  }
}
