package org.ganscan.group;

import java.util.Objects;

/**
 * One scanned image as grouping sees it.
 *
 * @param path the input path exactly as in the scan results
 * @param landmarks the main face's six landmarks as fractions of width and height, in the order
 *     right eye, left eye, nose, mouth, right ear, left ear (u, v pairs); null without a face
 */
public record Member(String path, String sha256, int width, int height, double[] landmarks) {
  public static final String[] LANDMARKS = {"right_eye", "left_eye", "nose", "mouth", "right_ear", "left_ear"};

  public Member {
    Objects.requireNonNull(path, "path");
    if (landmarks != null && landmarks.length != 12) {
      throw new IllegalArgumentException("need 6 landmarks as 12 numbers, got " + landmarks.length);
    }
  }

  public boolean hasFace() {
    return landmarks != null;
  }
}
