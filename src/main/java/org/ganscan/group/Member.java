package org.ganscan.group;

import java.util.Objects;
import org.ganscan.fingerprint.Fingerprint;

/**
 * One scanned image as grouping sees it.
 *
 * @param path the input path exactly as in the scan results
 * @param landmarks the main face's landmarks; null without a face
 * @param fingerprint computed in the scan; null when the image could not be decoded
 */
public record Member(String path, String sha256, int width, int height, FaceLandmarks landmarks, Fingerprint fingerprint) {
  public Member {
    Objects.requireNonNull(path, "path");
  }

  public boolean hasFace() {
    return landmarks != null;
  }

  /** The same member with a fingerprint (for records written before the scan computed one). */
  public Member withFingerprint(Fingerprint print) {
    return new Member(path, sha256, width, height, landmarks, print);
  }
}
