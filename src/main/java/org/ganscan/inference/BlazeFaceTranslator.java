package org.ganscan.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Owns the tensor layout of keijiro's BlazeFace ONNX exports (front 128 and back 256): input
 * {@code input:0} NHWC [1,S,S,3] RGB in [-1,1]; outputs {@code Identity:0}/{@code Identity_1:0}
 * score logits for the 16x16x2 and 8x8x6 anchor grids and {@code Identity_2:0}/{@code
 * Identity_3:0} their regressors.
 */
final class BlazeFaceTranslator implements Translator<float[], BlazeFaceOutput> {
  private final Shape input;

  BlazeFaceTranslator(int size) {
    this.input = new Shape(1, size, size, 3);
  }

  /** The input already carries its batch axis; DJL's ORT arrays cannot be stacked. */
  @Override
  public Batchifier getBatchifier() {
    return null;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, float[] nhwc) {
    if (nhwc.length != input.size()) {
      throw new IllegalArgumentException("BlazeFace input must hold " + input.size() + " values, got " + nhwc.length);
    }
    NDArray array = ctx.getNDManager().create(FloatBuffer.wrap(nhwc), input);
    array.setName("input:0");
    return new NDList(array);
  }

  @Override
  public BlazeFaceOutput processOutput(TranslatorContext ctx, NDList list) {
    float[] s8 = list.get("Identity:0").toFloatArray();
    float[] s16 = list.get("Identity_1:0").toFloatArray();
    float[] r8 = list.get("Identity_2:0").toFloatArray();
    float[] r16 = list.get("Identity_3:0").toFloatArray();
    return new BlazeFaceOutput(concat(s8, s16), concat(r8, r16));
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = new float[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
