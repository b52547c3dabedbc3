package org.ganscan.imaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * A TFLite model run through OpenCV DNN. Not thread-safe: each worker thread owns one instance,
 * loaded from the process's single copy of the model bytes.
 */
public final class TfliteNet implements AutoCloseable {
  private static final Object IMPORT_LOCK = new Object();
  private final String name;
  private final Net net;

  /**
   * @param name model file name, used in error messages
   * @param modelBytes the .tflite file's bytes; not modified
   */
  public TfliteNet(String name, byte[] modelBytes) {
    OpenCv.load();
    this.name = name;
    MatOfByte buf = new MatOfByte(modelBytes);
    try {
      this.net = read(buf);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot load model " + name + ": " + e.getMessage(), e);
    } finally {
      buf.release();
    }
    if (net.empty()) {
      throw new IllegalStateException("cannot load model " + name + ": OpenCV returned an empty network");
    }
    net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
    net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
  }

  /**
   * OpenCV's TFLite importer updates a process-wide layer registry and crashes (SIGSEGV in a
   * std::map insert) when two threads import at once; imports are therefore serialised. Running
   * distinct networks in parallel is safe.
   */
  private static Net read(MatOfByte buf) {
    synchronized (IMPORT_LOCK) {
      return Dnn.readNetFromTFLite(buf);
    }
  }

  /**
   * Runs the network on one input blob.
   *
   * @param input values in the model's layout; not modified
   * @param shape blob shape, e.g. {1, 3, 192, 192}
   * @param outputs names of the output layers to return
   * @return each output layer's values, flattened, in the order asked
   */
  public Map<String, float[]> run(float[] input, int[] shape, String... outputs) {
    Mat blob = new Mat(shape, CvType.CV_32F);
    List<Mat> results = new ArrayList<>();
    try {
      blob.put(new int[shape.length], input);
      net.setInput(blob);
      net.forward(results, List.of(outputs));
      Map<String, float[]> out = new LinkedHashMap<>();
      for (int i = 0; i < outputs.length; i++) {
        Mat r = results.get(i);
        float[] values = new float[(int) r.total()];
        r.reshape(1, 1).get(0, 0, values);
        out.put(outputs[i], values);
      }
      return out;
    } catch (RuntimeException e) {
      throw new IllegalStateException("model " + name + " failed: " + e.getMessage(), e);
    } finally {
      blob.release();
      results.forEach(Mat::release);
    }
  }

  @Override
  public void close() {
    // Net has no explicit release in the Java API; its native memory is freed on finalisation.
  }
}
