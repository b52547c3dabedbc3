package org.ganscan.face;

import java.util.ArrayList;
import java.util.List;

/**
 * Face Mesh's 468 points in image pixels, with named groups. Right and left are the subject's.
 *
 * <p>Index groups follow MediaPipe's canonical face mesh topology.
 */
public record Landmarks(List<PixelPoint> points) {
  public static final int COUNT = 468;
  /** Contour of the subject's right eye (image left in an unmirrored photo). */
  public static final List<Integer> RIGHT_EYE = List.of(33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246);
  /** Contour of the subject's left eye. */
  public static final List<Integer> LEFT_EYE = List.of(263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466);
  /** Outer lip contour. */
  public static final List<Integer> LIPS = List.of(61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185);
  /** Face oval, clockwise from the top of the forehead. */
  public static final List<Integer> FACE_OVAL = List.of(
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377,
    152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109
  );
  public static final int RIGHT_EYE_OUTER = 33;
  public static final int LEFT_EYE_OUTER = 263;
  public static final int MOUTH_RIGHT = 61;
  public static final int MOUTH_LEFT = 291;

  public Landmarks {
    if (points.size() != COUNT) {
      throw new IllegalArgumentException("Face Mesh has " + COUNT + " points, got " + points.size());
    }
    points = List.copyOf(points);
  }

  public PixelPoint get(int index) {
    return points.get(index);
  }

  public List<PixelPoint> select(List<Integer> indices) {
    List<PixelPoint> out = new ArrayList<>(indices.size());
    for (int i : indices) {
      out.add(points.get(i));
    }
    return out;
  }

  /** Centre of the subject's right eye: the mean of its contour, as the FFHQ recipe averages eye landmarks. */
  public PixelPoint rightEyeCentre() {
    return PixelPoint.mean(select(RIGHT_EYE));
  }

  public PixelPoint leftEyeCentre() {
    return PixelPoint.mean(select(LEFT_EYE));
  }

  /** Midpoint of the two mouth corners. */
  public PixelPoint mouthCentre() {
    return get(MOUTH_RIGHT).midpoint(get(MOUTH_LEFT));
  }
}
