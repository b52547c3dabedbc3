package org.ganscan.face;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ganscan.image.RgbImage;

/**
 * Runs the face stage on one image: detection, landmarks for every face Face Mesh confirms, and
 * the person mask when there is a face. Not thread-safe: one per worker thread.
 */
public final class FaceAnalyzer implements AutoCloseable {
  /** Face Mesh's presence below this means the detection was not a face. */
  static final double MIN_PRESENCE = 0.5;
  /** Faces narrower than this (px) give no usable landmarks. */
  static final double MIN_FACE_PX = 16;

  private final FaceDetector detector;
  private final FaceMesh mesh;
  private final SelfieSegmenter segmenter;

  FaceAnalyzer(FaceDetector detector, FaceMesh mesh, SelfieSegmenter segmenter) {
    this.detector = detector;
    this.mesh = mesh;
    this.segmenter = segmenter;
  }

  public FaceAnalysis analyze(RgbImage image) {
    List<Face> faces = new ArrayList<>();
    for (Detection d : detector.detect(image)) {
      if (Math.max(d.box().w(), d.box().h()) < MIN_FACE_PX) {
        continue;
      }
      Face f = mesh.landmarks(image, d);
      if (f.presence() >= MIN_PRESENCE) {
        faces.add(f);
      }
    }
    Optional<PersonMask> mask = faces.isEmpty() ? Optional.empty() : Optional.of(segmenter.segment(image));
    return new FaceAnalysis(faces, mask);
  }

  @Override
  public void close() {
    detector.close();
    mesh.close();
    segmenter.close();
  }
}
