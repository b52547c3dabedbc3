package org.ganscan.group;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of images that share something: a landmark template, a reused photo, or a trace.
 *
 * @param evidence named measurements behind the grouping (JSON-ready values)
 * @param why one sentence an analyst reads
 */
public record Group(String id, Kind kind, List<String> members, Map<String, Object> evidence, String why) {
  public Group {
    Objects.requireNonNull(id);
    Objects.requireNonNull(kind);
    members = List.copyOf(members);
    evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    Objects.requireNonNull(why);
    if (members.size() < 2) {
      throw new IllegalArgumentException("a group needs at least two members");
    }
  }

  /** What the members share. */
  public enum Kind {
    TEMPLATE, REUSE, TRACE;

    public String json() {
      return name().toLowerCase();
    }
  }
}
