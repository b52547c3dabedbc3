package org.ganscan.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads scan results (JSON Lines, the documented contract) and writes them back with their groups. */
public final class ScanRecords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<ObjectNode> records;

  private ScanRecords(List<ObjectNode> records) {
    this.records = records;
  }

  public static ScanRecords read(Path jsonl) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    int line = 0;
    for (String s : Files.readAllLines(jsonl)) {
      line++;
      if (s.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(s);
      if (!(n instanceof ObjectNode o) || !o.has("path")) {
        throw new IOException(jsonl + " line " + line + ": not a ganscan scan record");
      }
      out.add(o);
    }
    return new ScanRecords(out);
  }

  /** One member per record, in record order. */
  public List<Member> members() {
    return records.stream().map(ScanRecords::member).toList();
  }

  private static Member member(ObjectNode r) {
    int w = r.path("width").asInt(0);
    int h = r.path("height").asInt(0);
    JsonNode faces = r.path("faces");
    double[] lm = null;
    if (faces.isArray() && faces.size() > 0 && w > 0 && h > 0) {
      JsonNode f = faces.get(0);
      JsonNode eyes = f.path("eyes");
      JsonNode kp = f.path("keypoints");
      lm = new double[] {
        eyes.path("right_norm").get(0).asDouble(), eyes.path("right_norm").get(1).asDouble(),
        eyes.path("left_norm").get(0).asDouble(), eyes.path("left_norm").get(1).asDouble(),
        kp.path("nose").get(0).asDouble() / w, kp.path("nose").get(1).asDouble() / h,
        kp.path("mouth").get(0).asDouble() / w, kp.path("mouth").get(1).asDouble() / h,
        kp.path("right_ear").get(0).asDouble() / w, kp.path("right_ear").get(1).asDouble() / h,
        kp.path("left_ear").get(0).asDouble() / w, kp.path("left_ear").get(1).asDouble() / h,
      };
    }
    return new Member(r.path("path").asText(), r.path("sha256").asText(null), w, h, lm);
  }

  /** The same records as CSV: top-level fields, the main face's eye centres, and the groups (ids joined by spaces). */
  public void writeCsvWithGroups(Path out, Map<String, List<String>> groupsByPath) throws IOException {
    String[] header = {"path", "sha256", "status", "error", "width", "height", "format", "faces", "score", "verdict",
      "right_eye_u", "right_eye_v", "left_eye_u", "left_eye_v", "groups"};
    try (var printer = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(out),
        org.apache.commons.csv.CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(header).build())) {
      for (ObjectNode r : records) {
        JsonNode eyes = r.path("faces").path(0).path("eyes");
        printer.printRecord(r.path("path").asText(), r.path("sha256").asText(""), r.path("status").asText(), r.path("error").asText(""),
            r.path("width").asText(""), r.path("height").asText(""), r.path("format").asText(""), r.path("faces").size(),
            r.path("score").isNumber() ? r.path("score").asText() : "", r.path("verdict").asText(),
            eyes.path("right_norm").path(0).asText(""), eyes.path("right_norm").path(1).asText(""),
            eyes.path("left_norm").path(0).asText(""), eyes.path("left_norm").path(1).asText(""),
            String.join(" ", groupsByPath.getOrDefault(r.path("path").asText(), List.of())));
      }
    }
  }

  /** Writes the records with a {@code groups} field (group ids, possibly empty) added to each. */
  public void writeWithGroups(Path out, Map<String, List<String>> groupsByPath) throws IOException {
    StringBuilder b = new StringBuilder();
    for (ObjectNode r : records) {
      ObjectNode copy = r.deepCopy();
      ArrayNode ids = copy.putArray("groups");
      groupsByPath.getOrDefault(r.path("path").asText(), List.of()).forEach(ids::add);
      b.append(JSON.writeValueAsString(copy)).append('\n');
    }
    Files.writeString(out, b.toString());
  }
}
