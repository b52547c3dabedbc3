package org.ganscan.face;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ganscan.imaging.GreyImage;
import org.ganscan.imaging.Raster;

/**
 * The regions of one face, on the analysis raster: skin inside the face oval, each eye, the mouth,
 * hair (person mask around and above the face, outside the skin), the hair/background edge, each
 * ear (around its tragion keypoint, outside the face oval) and the background (outside the person
 * mask). Traits, overlays and tests all use these same regions.
 */
public record FaceRegions(Map<RegionKind, Region> regions, double faceWidth) {
  private static final int LEFT_CHEEK = 454;
  private static final int RIGHT_CHEEK = 234;

  public FaceRegions {
    regions = java.util.Collections.unmodifiableMap(new EnumMap<>(regions));
  }

  public Region get(RegionKind kind) {
    return Objects.requireNonNull(regions.get(kind), kind.label());
  }

  /** Builds the regions of {@code face} on the raster of {@code frame}. */
  public static FaceRegions of(Face face, Optional<PersonMask> mask, GreyImage frame, Raster raster) {
    return of(face, mask, personPixels(mask, frame), frame, raster);
  }

  /**
   * The same, with the person mask already on the raster ({@link #personPixels}): an image's faces
   * share one mask, so it is rasterised once per image.
   */
  public static FaceRegions of(Face face, Optional<PersonMask> mask, BitSet person, GreyImage frame, Raster raster) {
    return new Builder(face, mask, (BitSet) person.clone(), frame, raster).build();
  }

  /**
   * The landmark regions alone (skin, eyes, mouth), for traits that need no person mask; hair,
   * its edge, the ears and the background are left empty (the scan's cascade, first pass).
   */
  public static FaceRegions withoutPersonMask(Face face, GreyImage frame, Raster raster) {
    return new Builder(face, Optional.empty(), null, frame, raster).build();
  }

  /** Person pixels on the raster of {@code frame}; without a mask, nothing is person, so hair and edges stay empty. */
  public static BitSet personPixels(Optional<PersonMask> mask, GreyImage frame) {
    int w = frame.width();
    int h = frame.height();
    double s = frame.scale();
    BitSet out = new BitSet(w * h);
    if (mask.isEmpty()) {
      return out;
    }
    PersonMask m = mask.get();
    // The mask's own sample under each raster pixel's centre, as at() finds it, with the column
    // and row looked up once each and the bits written a word at a time.
    int[] column = new int[w];
    for (int x = 0; x < w; x++) {
      column[x] = m.column((x + 0.5) / s);
    }
    long[] words = new long[(w * h + 63) >>> 6];
    for (int y = 0; y < h; y++) {
      int row = m.row((y + 0.5) / s);
      for (int x = 0; x < w; x++) {
        if (m.sample(column[x], row) >= 0.5) {
          int i = y * w + x;
          words[i >>> 6] |= 1L << i;
        }
      }
    }
    return BitSet.valueOf(words);
  }

  private static final class Builder {
    private final Face face;
    private final Optional<PersonMask> mask;
    private final int w;
    private final int h;
    private final double s;
    private final Raster raster;
    private final BitSet person;

    Builder(Face face, Optional<PersonMask> mask, BitSet person, GreyImage frame, Raster raster) {
      this.face = face;
      this.mask = mask;
      this.person = person;
      this.w = frame.width();
      this.h = frame.height();
      this.s = frame.scale();
      this.raster = raster;
    }

    FaceRegions build() {
      Landmarks lm = face.landmarks();
      BitSet oval = poly(lm.select(Landmarks.FACE_OVAL));
      BitSet rightEye = poly(lm.select(Landmarks.RIGHT_EYE));
      BitSet leftEye = poly(lm.select(Landmarks.LEFT_EYE));
      BitSet mouth = poly(lm.select(Landmarks.LIPS));
      double faceWidth = lm.get(RIGHT_CHEEK).distanceTo(lm.get(LEFT_CHEEK)) * s;
      BitSet holes = (BitSet) rightEye.clone();
      holes.or(leftEye);
      holes.or(mouth);
      BitSet skin = (BitSet) oval.clone();
      skin.andNot(raster.dilate(w, h, holes, 2));
      if (person == null) {
        // Landmark regions only: the person mask's regions stay empty (the cascade's first pass).
        return regions(skin, rightEye, leftEye, mouth, new BitSet(), new BitSet(), new BitSet(), new BitSet(), new BitSet(), faceWidth);
      }
      BitSet ovalGrown = raster.dilate(w, h, oval, Math.max(2, (int) (0.03 * faceWidth)));
      BitSet rightEar = ear(face.detection().keypoints().rightEar(), faceWidth, ovalGrown, person);
      BitSet leftEar = ear(face.detection().keypoints().leftEar(), faceWidth, ovalGrown, person);
      BitSet zone = hairZone(oval, faceWidth);
      BitSet hair = (BitSet) person.clone();
      hair.and(zone);
      hair.andNot(ovalGrown);
      hair.andNot(rightEar);
      hair.andNot(leftEar);
      BitSet notPerson = complement(person);
      BitSet edge = raster.dilate(w, h, person, 2);
      edge.and(raster.dilate(w, h, notPerson, 2));
      edge.and(zone);
      edge.andNot(ovalGrown);
      BitSet background = complement(raster.dilate(w, h, person, Math.max(2, (int) (0.02 * faceWidth))));
      return regions(skin, rightEye, leftEye, mouth, hair, edge, rightEar, leftEar, background, faceWidth);
    }

    private FaceRegions regions(BitSet skin, BitSet rightEye, BitSet leftEye, BitSet mouth, BitSet hair, BitSet edge,
        BitSet rightEar, BitSet leftEar, BitSet background, double faceWidth) {
      Map<RegionKind, Region> out = new EnumMap<>(RegionKind.class);
      put(out, RegionKind.FACE_SKIN, skin);
      put(out, RegionKind.RIGHT_EYE, rightEye);
      put(out, RegionKind.LEFT_EYE, leftEye);
      put(out, RegionKind.MOUTH, mouth);
      put(out, RegionKind.HAIR, hair);
      put(out, RegionKind.HAIR_EDGE, edge);
      put(out, RegionKind.RIGHT_EAR, rightEar);
      put(out, RegionKind.LEFT_EAR, leftEar);
      put(out, RegionKind.BACKGROUND, background);
      return new FaceRegions(out, faceWidth);
    }

    private void put(Map<RegionKind, Region> out, RegionKind kind, BitSet bits) {
      out.put(kind, new Region(kind, w, h, bits, s));
    }

    private BitSet poly(List<PixelPoint> points) {
      List<double[]> xy = new ArrayList<>(points.size());
      for (PixelPoint p : points) {
        xy.add(new double[] {p.x() * s, p.y() * s});
      }
      return raster.polygon(w, h, xy);
    }

    /** Around the tragion, outside the face oval, and on the person (not the background) when there is a mask. */
    private BitSet ear(PixelPoint tragion, double faceWidth, BitSet ovalGrown, BitSet person) {
      BitSet disc = raster.disc(w, h, tragion.x() * s, tragion.y() * s, 0.18 * faceWidth);
      disc.andNot(ovalGrown);
      if (mask.isPresent()) {
        disc.and(person);
      }
      return disc;
    }

    /** Around and above the face: half a face width to each side, 0.7 of a face height above, down to the mouth. */
    private BitSet hairZone(BitSet oval, double faceWidth) {
      RasterBox box = new Region(RegionKind.FACE_SKIN, w, h, oval, s).bounds();
      BitSet zone = new BitSet(w * h);
      if (box == null) {
        return zone;
      }
      double mouthY = face.landmarks().mouthCentre().y() * s;
      int x0 = (int) Math.max(0, box.x() - 0.5 * faceWidth);
      int x1 = (int) Math.min(w, box.x() + box.w() + 0.5 * faceWidth);
      int y0 = (int) Math.max(0, box.y() - 0.7 * box.h());
      int y1 = (int) Math.min(h, mouthY);
      for (int y = y0; y < y1; y++) {
        zone.set(y * w + x0, y * w + x1);
      }
      return zone;
    }

    private BitSet complement(BitSet b) {
      BitSet out = new BitSet(w * h);
      out.set(0, w * h);
      out.andNot(b);
      return out;
    }
  }
}
