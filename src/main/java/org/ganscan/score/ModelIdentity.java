package org.ganscan.score;

import java.util.Objects;

/**
 * Which fitted model scored a record: its file, the sha256 of its bytes and its fit date.
 *
 * @param fittedOn ISO date from the model's provenance, or null when the file does not say
 */
public record ModelIdentity(String file, String sha256, String fittedOn) {
  public ModelIdentity {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }
}
