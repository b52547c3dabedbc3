package org.ganscan.imaging;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Power spectra of image patches. Stateless. */
public final class Spectrum {
  public Spectrum() {
    OpenCv.load();
  }

  /**
   * Power spectrum of the noise residual (patch minus its 3x3 mean) of a square patch, with a Hann
   * window, zero frequency at index 0 (not centred).
   *
   * @param patch n x n grey values, row by row; not modified
   * @return n x n power values, row by row
   */
  public float[] residualPower(float[] patch, int n) {
    try (var owner = new MatOwner()) {
      Mat p = owner.add(new Mat(n, n, CvType.CV_32F));
      p.put(0, 0, patch);
      Mat blur = owner.add(new Mat());
      Imgproc.blur(p, blur, new Size(3, 3));
      Mat residual = owner.add(new Mat());
      Core.subtract(p, blur, residual);
      Mat window = owner.add(new Mat());
      Imgproc.createHanningWindow(window, new Size(n, n), CvType.CV_32F);
      Core.multiply(residual, window, residual);
      Mat complex = owner.add(new Mat());
      Core.dft(residual, complex, Core.DFT_COMPLEX_OUTPUT);
      Mat mag = owner.add(new Mat());
      java.util.List<Mat> planes = new java.util.ArrayList<>();
      Core.split(complex, planes);
      planes.forEach(owner::add);
      Core.magnitude(planes.get(0), planes.get(1), mag);
      Core.multiply(mag, mag, mag);
      return Mats.floats(mag);
    }
  }
}
