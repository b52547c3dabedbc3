package org.ganscan.face;

import org.ganscan.imaging.RgbImage;
import org.ganscan.imaging.Letterbox;
import org.ganscan.imaging.TensorSpec;
import org.ganscan.imaging.Tensors;
import org.ganscan.imaging.TfliteNet;

/** MediaPipe selfie segmentation: person vs background over the whole image. One instance per thread. */
final class SelfieSegmenter implements AutoCloseable {
  private static final TensorSpec SPEC = TensorSpec.zeroToOne(256, TensorSpec.Layout.NCHW);
  private static final String OUTPUT = "activation_10";
  /** The stored mask's longest side; the model itself sees 256 px. */
  private static final int MASK_SIDE = 512;

  private final TfliteNet net;
  private final Tensors tensors = new Tensors();

  SelfieSegmenter(byte[] model) {
    this.net = new TfliteNet(FaceModels.SELFIE, model);
  }

  PersonMask segment(RgbImage image) {
    Letterbox lb = tensors.letterbox(image, SPEC);
    float[] map = net.run(lb.tensor(), SPEC.shape(), OUTPUT).get(OUTPUT);
    double scale = Math.min(1.0, MASK_SIDE / (double) image.longestSide());
    int w = Math.max(1, (int) Math.round(image.width() * scale));
    int h = Math.max(1, (int) Math.round(image.height() * scale));
    return new PersonMask(w, h, tensors.unletterbox(map, lb, w, h), w / (double) image.width());
  }

  @Override
  public void close() {
    net.close();
  }
}
