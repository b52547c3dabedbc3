package org.ganscan.trait;

import java.util.Objects;
import java.util.Optional;
import org.ganscan.face.Face;
import org.ganscan.face.FaceRegions;
import org.ganscan.face.PersonMask;
import org.ganscan.image.Portrait;
import org.ganscan.imaging.GreyImage;

/**
 * What a trait may look at: the image, one of its faces, the person mask, the grey analysis raster
 * (the image at most 1024 px on its longest side) and the face's regions on that raster.
 */
public record TraitInput(Portrait portrait, Face face, Optional<PersonMask> personMask, GreyImage frame, FaceRegions regions) {
  public TraitInput {
    Objects.requireNonNull(portrait, "portrait");
    Objects.requireNonNull(face, "face");
    Objects.requireNonNull(personMask, "personMask");
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(regions, "regions");
  }
}
