package org.ganscan.scan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ganscan.score.ModelIdentity;

/**
 * Provenance written into every record: ganscan's version, each model file's sha256, the scorer
 * and the fitted score model's file, sha256 and fit date.
 *
 * @param scoreModel the fitted model behind the score, when the scorer has one
 */
public record ToolInfo(String version, Map<String, String> models, String scorer, Optional<ModelIdentity> scoreModel) {
  public ToolInfo {
    Objects.requireNonNull(version, "version");
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    Objects.requireNonNull(scorer, "scorer");
    Objects.requireNonNull(scoreModel, "scoreModel");
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  public static String currentVersion() {
    String v = ToolInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
