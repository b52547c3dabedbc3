package org.ganscan.score;

import java.util.List;
import java.util.Objects;

/**
 * The per-image conclusion.
 *
 * @param score probability the image is synthetic, null when not applicable
 * @param label the band the score falls in
 * @param reasons the trait sentences that drove the score, strongest first
 */
public record Verdict(Double score, Label label, List<String> reasons) {
  public Verdict {
    Objects.requireNonNull(label, "label");
    reasons = List.copyOf(reasons);
    if ((score == null) != (label == Label.NOT_APPLICABLE)) {
      throw new IllegalArgumentException("score is null exactly when the verdict is not_applicable");
    }
    if (score != null && !(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
  }

  public static Verdict notApplicable(String reason) {
    return new Verdict(null, Label.NOT_APPLICABLE, List.of(reason));
  }

  /** Verdict bands, ordered from most to least suspicious. */
  public enum Label {
    SYNTHETIC("synthetic"),
    INCONCLUSIVE("inconclusive"),
    AUTHENTIC("authentic"),
    NOT_APPLICABLE("not_applicable");

    private final String json;

    Label(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }

    public static Label fromJson(String s) {
      for (Label l : values()) {
        if (l.json.equals(s)) {
          return l;
        }
      }
      throw new IllegalArgumentException("unknown verdict: " + s);
    }
  }
}
