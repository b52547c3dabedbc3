package org.ganscan.imaging;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Re-encodes and resamples images in memory, as social networks do to uploads. Stateless. */
public final class Encoder {
  public Encoder() {
    OpenCv.load();
  }

  /** Baseline JPEG at the given quality (1..100), 4:2:0 chroma subsampling. */
  public byte[] jpeg(RgbImage image, int quality) {
    return encode(image, ".jpg", new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
  }

  /** Lossless PNG. */
  public byte[] png(RgbImage image) {
    return encode(image, ".png", new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6));
  }

  /** Lossy WebP (a simple VP8 file) at the given quality (1..100). */
  public byte[] webp(RgbImage image, int quality) {
    return encode(image, ".webp", new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, quality));
  }

  private byte[] encode(RgbImage image, String ext, MatOfInt params) {
    try (var owner = new MatOwner()) {
      owner.add(params);
      MatOfByte buf = owner.add(new MatOfByte());
      if (!Imgcodecs.imencode(ext, Mats.bgr(image, owner), buf, params)) {
        throw new IllegalStateException("OpenCV could not encode " + ext);
      }
      return buf.toArray();
    }
  }

  /** Shrinks the image so its longest side is at most {@code maxSide}; smaller images are returned as they are. */
  public RgbImage fitWithin(RgbImage image, int maxSide) {
    if (image.longestSide() <= maxSide) {
      return image;
    }
    return scale(image, maxSide / (double) image.longestSide());
  }

  /** Scales the image by {@code factor} (bicubic when enlarging, area averaging when shrinking). */
  public RgbImage scale(RgbImage image, double factor) {
    int w = Math.max(1, (int) Math.round(image.width() * factor));
    int h = Math.max(1, (int) Math.round(image.height() * factor));
    try (var owner = new MatOwner()) {
      Mat out = owner.add(new Mat());
      Imgproc.resize(Mats.rgb(image, owner), out, new Size(w, h), 0, 0, factor > 1 ? Imgproc.INTER_CUBIC : Imgproc.INTER_AREA);
      byte[] data = new byte[w * h * 3];
      out.get(0, 0, data);
      return RgbImage.wrap(w, h, data);
    }
  }
}
