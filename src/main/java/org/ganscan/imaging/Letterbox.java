package org.ganscan.imaging;

/**
 * A square model input made by centring the image on a black square and scaling it; maps model
 * coordinates back to image pixels.
 *
 * @param tensor the model input, laid out as the spec says
 * @param scale model pixels per image pixel
 * @param padX image-frame padding added on the left, in image pixels
 * @param padY image-frame padding added on top, in image pixels
 */
public record Letterbox(float[] tensor, TensorSpec spec, double scale, double padX, double padY) {
  public Letterbox {
    tensor = tensor.clone();
  }

  /** The model input (a copy). */
  @Override
  public float[] tensor() {
    return tensor.clone();
  }

  /** Image x for a model-normalised coordinate u in [0, 1]. */
  public double imageX(double u) {
    return u * spec.size() / scale - padX;
  }

  /** Image y for a model-normalised coordinate v in [0, 1]. */
  public double imageY(double v) {
    return v * spec.size() / scale - padY;
  }

  /** Image length for a model-normalised length. */
  public double imageLength(double normalized) {
    return normalized * spec.size() / scale;
  }
}
