package org.ganscan.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ganscan.imaging.RgbImage;
import org.ganscan.imaging.Letterbox;
import org.ganscan.imaging.TensorSpec;
import org.ganscan.imaging.Tensors;
import org.ganscan.inference.BlazeFaceModel;
import org.ganscan.inference.BlazeFaceOutput;

/**
 * Finds faces with six keypoints: BlazeFace short-range (128 px) first, and the 256 px "back
 * camera" model when short-range finds nothing or only small faces, as in group photos. (The
 * full-range TFLite model does not load in OpenCV 4.9: its MAX_POOL_2D operator is unsupported.)
 * One instance per thread.
 */
final class FaceDetector implements AutoCloseable {
  /**
   * When no face found by the short-range model spans this share of the longest side, the frame is
   * a wider shot (a group photo, a half-length portrait) and the 256 px model is also asked.
   */
  private static final double SMALL_FACE = 0.3;
  private static final TensorSpec SHORT_SPEC = TensorSpec.minusOneToOne(128, TensorSpec.Layout.NHWC);
  private static final TensorSpec BACK_SPEC = TensorSpec.minusOneToOne(256, TensorSpec.Layout.NHWC);
  private static final BlazeFaceDecoder SHORT =
      new BlazeFaceDecoder("blazeface-short-range", 128, 0.5, new int[][] {{16, 2}, {8, 6}});
  private static final BlazeFaceDecoder BACK =
      new BlazeFaceDecoder("blazeface-back-256", 256, 0.7, new int[][] {{16, 2}, {8, 6}});

  private final BlazeFaceModel.Session shortRange;
  private final java.util.function.Supplier<BlazeFaceModel.Session> backCameraSession;
  /** Made on first need: most avatars never ask the 256 px model (it ran on 18 % of them). */
  private BlazeFaceModel.Session backCamera;
  private final Tensors tensors = new Tensors();

  FaceDetector(BlazeFaceModel.Session shortRange, java.util.function.Supplier<BlazeFaceModel.Session> backCamera) {
    this.shortRange = shortRange;
    this.backCameraSession = backCamera;
  }

  /** Faces, largest first. */
  List<Detection> detect(RgbImage image) {
    Letterbox lb = tensors.letterbox(image, SHORT_SPEC);
    BlazeFaceOutput out = shortRange.run(lb.tensor());
    List<Detection> found = new ArrayList<>(SHORT.decode(out.logits(), out.regressors(), lb));
    boolean allSmall = found.stream().allMatch(d -> Math.max(d.box().w(), d.box().h()) < SMALL_FACE * image.longestSide());
    if (allSmall) {
      found.addAll(backCamera(image));
      found = dropOverlaps(found);
    }
    found.sort(Comparator.comparingDouble((Detection d) -> d.box().area()).reversed());
    return found;
  }

  private List<Detection> backCamera(RgbImage image) {
    Letterbox lb = tensors.letterbox(image, BACK_SPEC);
    if (backCamera == null) {
      backCamera = backCameraSession.get();
    }
    BlazeFaceOutput out = backCamera.run(lb.tensor());
    return BACK.decode(out.logits(), out.regressors(), lb);
  }

  /** Keeps the more confident of two detections of the same face from the two models. */
  private static List<Detection> dropOverlaps(List<Detection> all) {
    List<Detection> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed());
    List<Detection> kept = new ArrayList<>();
    for (Detection d : sorted) {
      if (kept.stream().noneMatch(k -> k.box().iou(d.box()) > 0.3)) {
        kept.add(d);
      }
    }
    return kept;
  }

  @Override
  public void close() {
    shortRange.close();
    if (backCamera != null) {
      backCamera.close();
    }
  }
}
