package org.ganscan.trait;

import java.util.Objects;
import java.util.Optional;
import org.ganscan.face.EyeGeometry;
import org.ganscan.face.Face;
import org.ganscan.face.FaceRegions;
import org.ganscan.face.PersonMask;
import org.ganscan.image.Portrait;
import org.ganscan.imaging.GreyImage;

/**
 * What a trait may look at: the image, one of its faces, the person mask, the grey analysis raster
 * (the image at most {@link #ANALYSIS_SIDE} px on its longest side) and the face's regions on that raster.
 *
 * @param eyes the face's eye geometry in this image, computed once for every trait and the record
 */
public record TraitInput(Portrait portrait, Face face, Optional<PersonMask> personMask, GreyImage frame, FaceRegions regions, EyeGeometry eyes) {
  /** Longest side of the grey raster traits measure on, in pixels. */
  public static final int ANALYSIS_SIDE = 1024;

  public TraitInput {
    Objects.requireNonNull(portrait, "portrait");
    Objects.requireNonNull(face, "face");
    Objects.requireNonNull(personMask, "personMask");
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(regions, "regions");
    Objects.requireNonNull(eyes, "eyes");
  }

  public TraitInput(Portrait portrait, Face face, Optional<PersonMask> personMask, GreyImage frame, FaceRegions regions) {
    this(portrait, face, personMask, frame, regions, EyeGeometry.of(face, portrait.width(), portrait.height()));
  }
}
