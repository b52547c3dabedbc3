package org.ganscan.face;

import java.util.Map;
import org.ganscan.inference.BlazeFaceModel;
import org.ganscan.inference.ModelCatalog;

/**
 * The face stage's models, loaded once per process and shared by all workers: the DJL model and
 * the verified bytes of the TFLite files. Each worker builds its own {@link FaceAnalyzer} from it.
 */
public final class FaceModels implements AutoCloseable {
  static final String FACE_MESH = "face_landmark.tflite";
  static final String SELFIE = "selfie_segmentation.tflite";

  private final ModelCatalog catalog;
  private final BlazeFaceModel front;
  /** The 256 px detector, loaded on first need (one model for all workers, like the others). */
  private BlazeFaceModel back;
  private boolean closed;

  public FaceModels(ModelCatalog catalog) {
    this.catalog = catalog;
    this.front = new BlazeFaceModel(catalog, BlazeFaceModel.Variant.FRONT_128);
    catalog.bytes(BlazeFaceModel.Variant.BACK_256.file()); // verified now, loaded when first needed
    catalog.bytes(FACE_MESH);
    catalog.bytes(SELFIE);
  }

  private synchronized BlazeFaceModel.Session backSession() {
    if (closed) {
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
    return new FaceAnalyzer(
        new FaceDetector(front.newSession(), this::backSession),
        new FaceMesh(catalog.bytes(FACE_MESH)),
        () -> new SelfieSegmenter(catalog.bytes(SELFIE)));
  }

  @Override
  public synchronized void close() {
    closed = true;
    front.close();
    if (back != null) {
      back.close();
    }
  }
}
