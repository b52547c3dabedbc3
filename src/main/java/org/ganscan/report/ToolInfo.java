package org.ganscan.report;

import java.util.Map;
import java.util.Objects;

/**
 * Provenance written into every record: ganscan's version, each model file's sha256 and the
 * scoring model.
 */
public record ToolInfo(String version, Map<String, String> models, String scorer) {
  public ToolInfo {
    Objects.requireNonNull(version, "version");
    models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    Objects.requireNonNull(scorer, "scorer");
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  public static String currentVersion() {
    String v = ToolInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
