package org.ganscan.imaging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Draws on a copy of an image, scaled up to a readable size: boxes, markers, lines, region
 * outlines and a caption strip; then encodes PNG. The source image is never modified. Colours are
 * RGB triples; callers use a colour-blind-safe palette. Not thread-safe; one per drawing.
 */
public final class Canvas implements AutoCloseable {
  private final MatOwner owner = new MatOwner();
  private final Mat bgr;
  private final double scale;

  /** A copy of the image scaled so its longest side is at least {@code minSide}. */
  public Canvas(RgbImage image, int minSide) {
    OpenCv.load();
    scale = Math.max(1.0, minSide / (double) image.longestSide());
    Mat src = Mats.bgr(image, owner);
    if (scale > 1) {
      bgr = owner.add(new Mat());
      Imgproc.resize(src, bgr, new Size(Math.round(image.width() * scale), Math.round(image.height() * scale)), 0, 0, Imgproc.INTER_CUBIC);
    } else {
      bgr = src;
    }
  }

  private static Scalar colour(int[] rgb) {
    return new Scalar(rgb[2], rgb[1], rgb[0]);
  }

  private int thickness() {
    return Math.max(1, (int) Math.round(Math.max(bgr.cols(), bgr.rows()) / 300.0));
  }

  /** A rectangle in image pixels. */
  public void box(double x, double y, double w, double h, int[] rgb) {
    Imgproc.rectangle(bgr, new Point(x * scale, y * scale), new Point((x + w) * scale, (y + h) * scale), colour(rgb), thickness());
  }

  /** A marker at an image point: a cross or, when {@code target}, a diamond. */
  public void marker(double x, double y, int[] rgb, boolean target) {
    int size = Math.max(8, bgr.cols() / 40);
    Imgproc.drawMarker(bgr, new Point(x * scale, y * scale), colour(rgb), target ? Imgproc.MARKER_DIAMOND : Imgproc.MARKER_CROSS, size, thickness());
  }

  /** A line between image points. */
  public void line(double x0, double y0, double x1, double y1, int[] rgb) {
    Imgproc.line(bgr, new Point(x0 * scale, y0 * scale), new Point(x1 * scale, y1 * scale), colour(rgb), thickness());
  }

  /**
   * The outline of a pixel set on a raster whose pixels are {@code rasterScale} per image pixel.
   */
  public void outline(BitSet pixels, int width, int height, double rasterScale, int[] rgb) {
    Imgproc.drawContours(bgr, contours(pixels, width, height, rasterScale), -1, colour(rgb), thickness());
  }

  /** Tints a pixel set (on a raster of {@code rasterScale} per image pixel) with {@code rgb} at opacity {@code alpha}. */
  public void shade(BitSet pixels, int width, int height, double rasterScale, int[] rgb, double alpha) {
    Mat layer = owner.add(bgr.clone());
    Imgproc.drawContours(layer, contours(pixels, width, height, rasterScale), -1, colour(rgb), Imgproc.FILLED);
    Core.addWeighted(layer, alpha, bgr, 1 - alpha, 0, bgr);
  }

  /** The set's outer contours, scaled to the canvas. */
  private List<MatOfPoint> contours(BitSet pixels, int width, int height, double rasterScale) {
    Mat m = owner.add(Mat.zeros(height, width, CvType.CV_8U));
    byte[] b = new byte[width * height];
    for (int i = pixels.nextSetBit(0); i >= 0; i = pixels.nextSetBit(i + 1)) {
      b[i] = (byte) 255;
    }
    m.put(0, 0, b);
    List<MatOfPoint> contours = new ArrayList<>();
    Mat hierarchy = owner.add(new Mat());
    Imgproc.findContours(m, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
    double k = scale / rasterScale;
    List<MatOfPoint> scaled = new ArrayList<>();
    for (MatOfPoint c : contours) {
      Point[] pts = c.toArray();
      for (Point p : pts) {
        p.x *= k;
        p.y *= k;
      }
      scaled.add(owner.add(new MatOfPoint(pts)));
      c.release();
    }
    return scaled;
  }

  /** Appends a white caption strip with the lines, wrapped to the width, and returns the PNG bytes. */
  public byte[] pngWithCaption(List<String> lines) {
    double font = Math.max(0.45, 0.45 * bgr.cols() / 400.0);
    List<String> wrapped = Composite.wrap(lines, Math.max(20, (int) (bgr.cols() / (8 * font / 0.45))));
    int lineHeight = (int) Math.round(18 * font / 0.45);
    Mat strip = owner.add(new Mat(lineHeight * wrapped.size() + 8, bgr.cols(), CvType.CV_8UC3, new Scalar(255, 255, 255)));
    for (int i = 0; i < wrapped.size(); i++) {
      Imgproc.putText(strip, wrapped.get(i), new Point(6, lineHeight * (i + 1) - 2), Imgproc.FONT_HERSHEY_SIMPLEX, font, new Scalar(0, 0, 0), Math.max(1, (int) Math.round(font / 0.9)), Imgproc.LINE_AA);
    }
    Mat all = owner.add(new Mat());
    Core.vconcat(List.of(bgr, strip), all);
    MatOfByte buf = owner.add(new MatOfByte());
    Imgcodecs.imencode(".png", all, buf);
    return buf.toArray();
  }

  @Override
  public void close() {
    owner.close();
  }
}
