package org.ganscan.face;

/** The named regions of a portrait that traits measure. Right and left are the subject's. */
public enum RegionKind {
  FACE_SKIN("face skin"),
  RIGHT_EYE("right eye"),
  LEFT_EYE("left eye"),
  MOUTH("mouth"),
  HAIR("hair"),
  HAIR_EDGE("hair/background edge"),
  RIGHT_EAR("right ear"),
  LEFT_EAR("left ear"),
  BACKGROUND("background");

  private final String label;

  RegionKind(String label) {
    this.label = label;
  }

  /** Words an analyst reads. */
  public String label() {
    return label;
  }
}
