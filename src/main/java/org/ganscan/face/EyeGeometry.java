package org.ganscan.face;

import java.util.Objects;

/**
 * Where a face's eyes are: centres in pixels and as fractions of the image, the distance between
 * them and the roll of the eye line. Right and left are the subject's.
 *
 * @param rollDegrees angle of the line from the subject's right eye to the left eye against the
 *     image's x axis; positive when the subject's left eye is lower in the image
 * @param eyeToMouthRatio distance from the eye midpoint to the mouth centre over the inter-ocular
 *     distance
 */
public record EyeGeometry(
    PixelPoint right, PixelPoint left, NormalizedPoint rightNorm, NormalizedPoint leftNorm,
    double interocularPx, double rollDegrees, double eyeToMouthRatio) {
  public EyeGeometry {
    Objects.requireNonNull(right);
    Objects.requireNonNull(left);
    Objects.requireNonNull(rightNorm);
    Objects.requireNonNull(leftNorm);
  }

  public static EyeGeometry of(Face face, int width, int height) {
    Landmarks lm = face.landmarks();
    PixelPoint r = lm.rightEyeCentre();
    PixelPoint l = lm.leftEyeCentre();
    double iod = r.distanceTo(l);
    double roll = Math.toDegrees(Math.atan2(l.y() - r.y(), l.x() - r.x()));
    double mouthRatio = iod > 0 ? r.midpoint(l).distanceTo(lm.mouthCentre()) / iod : 0;
    return new EyeGeometry(r, l, r.normalize(width, height), l.normalize(width, height), iod, roll, mouthRatio);
  }
}
