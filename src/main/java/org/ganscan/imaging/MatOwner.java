package org.ganscan.imaging;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/** Owns the native matrices made during one operation and releases them all when closed. */
final class MatOwner implements AutoCloseable {
  private final List<Mat> mats = new ArrayList<>();

  <T extends Mat> T add(T mat) {
    mats.add(mat);
    return mat;
  }

  @Override
  public void close() {
    for (Mat m : mats) {
      m.release();
    }
    mats.clear();
  }
}
