package org.ganscan.records;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganscan.group.Group;

/**
 * The one writer and reader of {@code groups.json}: an array of {@code {"id", "kind", "members",
 * "evidence", "why"}}, members exactly as the scan's paths.
 */
public final class GroupsCodec {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GroupsCodec() {}

  public static String toJson(List<Group> groups) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (Group g : groups) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.id());
      m.put("kind", g.kind().json());
      m.put("members", g.members());
      m.put("evidence", g.evidence());
      m.put("why", g.why());
      json.add(m);
    }
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes to a temporary name beside {@code out} and renames it, so a crash never leaves half a file. */
  public static void write(Path out, List<Group> groups) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(tmp, toJson(groups));
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The groups of a {@code groups.json}. */
  public static List<Group> fromJson(String json) throws IOException {
    List<Map<String, Object>> raw = JSON.readValue(json, new TypeReference<>() {});
    List<Group> out = new ArrayList<>();
    for (Map<String, Object> m : raw) {
      out.add(new Group(field(m, "id", String.class), Group.Kind.valueOf(field(m, "kind", String.class).toUpperCase(Locale.ROOT)),
          castList(field(m, "members", List.class)), castMap(field(m, "evidence", Map.class)), field(m, "why", String.class)));
    }
    return out;
  }

  public static List<Group> read(Path groupsJson) throws IOException {
    try {
      return fromJson(Files.readString(groupsJson));
    } catch (IllegalArgumentException e) {
      throw new IOException(groupsJson + ": not a ganscan groups.json: " + e.getMessage(), e);
    }
  }

  private static <T> T field(Map<String, Object> m, String name, Class<T> type) {
    Object v = m.get(name);
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("group field '" + name + "' missing or not a " + type.getSimpleName());
    }
    return type.cast(v);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(List<?> l) {
    return (List<String>) l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
