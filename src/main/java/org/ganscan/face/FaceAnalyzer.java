package org.ganscan.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ganscan.imaging.RgbImage;
import org.ganscan.imaging.Texture;

/**
 * Runs the face stage on one image: detection, landmarks for every face Face Mesh confirms, and
 * the person mask when there is a face. Not thread-safe: one per worker thread.
 */
public final class FaceAnalyzer implements AutoCloseable {
  /** Face Mesh's presence below this means the detection was not a face. */
  static final double MIN_PRESENCE = 0.5;
  /** Faces narrower than this (px) give no usable landmarks. */
  static final double MIN_FACE_PX = 16;
  /**
   * Above this share of flat pixels, the central face region is a drawing, not a photograph. On the
   * dev set real and GAN faces reach at most 0.40; the two flat-shaded avatar illustrations 0.50
   * and 0.69.
   */
  static final double MAX_FLAT_FRACTION = 0.45;

  private final FaceDetector detector;
  private final FaceMesh mesh;
  private final java.util.function.Supplier<SelfieSegmenter> newSegmenter;
  /** Made on first need: a scan whose score reads no mask trait never asks for the mask. */
  private SelfieSegmenter segmenter;
  private final Texture texture = new Texture();
  /** Told once, after this analyzer's own models are closed: the shared models it used may go. */
  private final Runnable released;
  private boolean closed;

  FaceAnalyzer(FaceDetector detector, FaceMesh mesh, java.util.function.Supplier<SelfieSegmenter> segmenter, Runnable released) {
    this.detector = detector;
    this.mesh = mesh;
    this.newSegmenter = segmenter;
    this.released = released;
  }

  /** Faces and the person mask, as {@link #faces} then {@link #withPersonMask}. */
  public FaceAnalysis analyze(RgbImage image) {
    return withPersonMask(faces(image), image);
  }

  /** The faces alone, with no person mask (the cascade's first pass). */
  public FaceAnalysis faces(RgbImage image) {
    List<Face> faces = new ArrayList<>();
    for (Detection d : detector.detect(image)) {
      if (Math.max(d.box().w(), d.box().h()) < MIN_FACE_PX) {
        continue;
      }
      Face f = mesh.landmarks(image, d);
      if (f.presence() >= MIN_PRESENCE && photographic(image, f)) {
        faces.add(f);
      }
    }
    return new FaceAnalysis(faces, Optional.empty());
  }

  /** The same faces with the person mask of {@code image}, which is segmented when there is a face. */
  public FaceAnalysis withPersonMask(FaceAnalysis found, RgbImage image) {
    if (found.faces().isEmpty() || found.personMask().isPresent()) {
      return found;
    }
    if (segmenter == null) {
      segmenter = newSegmenter.get();
    }
    return new FaceAnalysis(found.faces(), Optional.of(segmenter.segment(image)));
  }

  /** Looks at the central 60 % of the landmarks' box, which is skin, eyes, nose and mouth. */
  private boolean photographic(RgbImage image, Face face) {
    PixelBox box = PixelBox.around(face.landmarks().points());
    double flat = texture.flatFraction(
        image, (int) (box.x() + 0.2 * box.w()), (int) (box.y() + 0.2 * box.h()), (int) (0.6 * box.w()), (int) (0.6 * box.h()));
    return Double.isNaN(flat) || flat <= MAX_FLAT_FRACTION;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      detector.close();
      mesh.close();
      if (segmenter != null) {
        segmenter.close();
      }
    } finally {
      released.run();
    }
  }
}
