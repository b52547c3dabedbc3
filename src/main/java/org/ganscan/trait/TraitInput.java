package org.ganscan.trait;

import java.util.Objects;
import java.util.Optional;
import org.ganscan.face.Face;
import org.ganscan.face.PersonMask;
import org.ganscan.image.Portrait;

/** What a trait may look at: the image, one of its faces, and the person mask. */
public record TraitInput(Portrait portrait, Face face, Optional<PersonMask> personMask) {
  public TraitInput {
    Objects.requireNonNull(portrait, "portrait");
    Objects.requireNonNull(face, "face");
    Objects.requireNonNull(personMask, "personMask");
  }
}
