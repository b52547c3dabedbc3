package org.ganscan.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ganscan.face.Detection;
import org.ganscan.face.EyeGeometry;
import org.ganscan.face.Keypoints;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.face.PixelBox;
import org.ganscan.face.PixelPoint;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ToolInfo;
import org.ganscan.score.ModelIdentity;
import org.ganscan.score.Verdict;
import org.ganscan.trait.TraitScore;

/**
 * The one writer and reader of the scan record as JSON Lines: one object per line, fields in the
 * documented order, numbers rounded to fixed decimals so records are byte-identical across runs.
 * {@code write(read(line))} gives the line back exactly. Records of the previous version (1) are
 * read too, with their renamed trait keys mapped (CHANGELOG.md).
 */
public final class ScanRecordCodec {
  /** The record layout written now. */
  public static final int VERSION = 2;
  /** Trait keys renamed in version 2, old to new; read from version-1 records. */
  static final Map<String, String> RENAMED_V1 = Map.of("eyes", "corneal_highlights", "highlights", "clipped_pixels");

  private static final JsonFactory JSON = new JsonFactory();
  /** Reading only; a scan that just writes records never builds it. */
  private static final class Reader {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private ScanRecordCodec() {}

  /** One record as a JSON line, without the newline. */
  public static String toJsonLine(ScanRecord r) {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("path", r.path());
      if (r.uri() != null) {
        g.writeStringField("uri", r.uri());
      }
      g.writeStringField("sha256", r.sha256());
      g.writeStringField("status", r.status().json());
      g.writeStringField("error", r.error());
      integer(g, "width", r.width());
      integer(g, "height", r.height());
      g.writeStringField("format", r.format());
      g.writeArrayFieldStart("faces");
      for (FaceRecord f : r.faces()) {
        face(g, f);
      }
      g.writeEndArray();
      g.writeFieldName("score");
      nullableNumber(g, r.score(), 4);
      g.writeStringField("verdict", r.verdict().json());
      if (!r.stages().isEmpty()) {
        g.writeArrayFieldStart("stages");
        for (String stage : r.stages()) {
          g.writeString(stage);
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("reasons");
      for (String reason : r.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      if (r.overlayError() != null) {
        g.writeStringField("overlay_error", r.overlayError());
      }
      if (r.fingerprint() != null) {
        fingerprint(g, r.fingerprint());
      }
      if (r.groups() != null) {
        g.writeArrayFieldStart("groups");
        for (String id : r.groups()) {
          g.writeString(id);
        }
        g.writeEndArray();
      }
      g.writeNumberField("record_version", r.recordVersion());
      tool(g, r.tool());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /** A scan result as a JSON line. */
  public static String toJsonLine(ScanResult r, ToolInfo tool) {
    return toJsonLine(ScanRecord.of(r, tool));
  }

  private static void integer(JsonGenerator g, String name, Integer v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  private static void nullableNumber(JsonGenerator g, Double v, int decimals) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(Numbers.round(v, decimals));
    }
  }

  private static void number(JsonGenerator g, String name, double v, int decimals) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Numbers.round(v, decimals));
  }

  private static void face(JsonGenerator g, FaceRecord f) throws IOException {
    Detection d = f.detection();
    g.writeStartObject();
    g.writeObjectFieldStart("box");
    number(g, "x", d.box().x(), 2);
    number(g, "y", d.box().y(), 2);
    number(g, "w", d.box().w(), 2);
    number(g, "h", d.box().h(), 2);
    g.writeEndObject();
    number(g, "confidence", d.confidence(), 4);
    number(g, "presence", f.presence(), 4);
    g.writeStringField("detector", d.model());
    g.writeObjectFieldStart("keypoints");
    List<PixelPoint> k = d.keypoints().asList();
    for (int i = 0; i < KEYPOINTS.size(); i++) {
      point(g, KEYPOINTS.get(i), k.get(i));
    }
    g.writeEndObject();
    EyeGeometry e = f.eyes();
    g.writeObjectFieldStart("eyes");
    point(g, "right", e.right());
    point(g, "left", e.left());
    point(g, "right_norm", e.rightNorm());
    point(g, "left_norm", e.leftNorm());
    number(g, "interocular_px", e.interocularPx(), 2);
    number(g, "roll_deg", e.rollDegrees(), 2);
    number(g, "eye_to_mouth_ratio", e.eyeToMouthRatio(), 4);
    g.writeEndObject();
    g.writeObjectFieldStart("traits");
    for (TraitScore t : f.traits()) {
      trait(g, t);
    }
    g.writeEndObject();
    if (!f.learned().isEmpty()) {
      g.writeArrayFieldStart("learned");
      for (LearnedSummary l : f.learned()) {
        g.writeStartObject();
        g.writeStringField("model", l.model());
        g.writeStringField("model_sha256", l.modelSha256());
        g.writeFieldName("probability");
        nullableNumber(g, l.probability(), 4);
        g.writeNumberField("dimensions", l.dimensions());
        g.writeStringField("embedding_sha256", l.embeddingSha256());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Keypoint names in {@link Keypoints#asList()} order. */
  static final List<String> KEYPOINTS = List.of("right_eye", "left_eye", "nose", "mouth", "right_ear", "left_ear");

  private static void point(JsonGenerator g, String name, PixelPoint p) throws IOException {
    g.writeArrayFieldStart(name);
    g.writeNumber(Numbers.round(p.x(), 2));
    g.writeNumber(Numbers.round(p.y(), 2));
    g.writeEndArray();
  }

  private static void point(JsonGenerator g, String name, NormalizedPoint p) throws IOException {
    g.writeArrayFieldStart(name);
    g.writeNumber(Numbers.round(p.u(), 5));
    g.writeNumber(Numbers.round(p.v(), 5));
    g.writeEndArray();
  }

  private static void trait(JsonGenerator g, TraitScore t) throws IOException {
    g.writeObjectFieldStart(t.name());
    g.writeFieldName("value");
    nullableNumber(g, t.value(), 5);
    g.writeStringField("unit", t.unit());
    g.writeFieldName("score");
    nullableNumber(g, t.score(), 4);
    g.writeStringField("why", t.why());
    if (!t.detail().isEmpty()) {
      g.writeObjectFieldStart("detail");
      for (Map.Entry<String, Double> e : t.detail().entrySet()) {
        number(g, e.getKey(), e.getValue(), 4);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void fingerprint(JsonGenerator g, Fingerprint f) throws IOException {
    g.writeObjectFieldStart("fingerprint");
    hashes(g, "whole", f.whole());
    hashes(g, "centres", f.centres());
    g.writeFieldName("face");
    if (f.hasFace()) {
      hashArray(g, f.face());
    } else {
      g.writeNull();
    }
    number(g, "colourfulness", f.colourfulness(), 4);
    g.writeFieldName("interocular");
    nullableNumber(g, f.interocular(), 5);
    g.writeFieldName("spectrum");
    double[] spectrum = f.spectrum();
    if (spectrum == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (double v : spectrum) {
        g.writeNumber(Numbers.round(v, 4));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void hashes(JsonGenerator g, String name, long[] h) throws IOException {
    g.writeFieldName(name);
    hashArray(g, h);
  }

  private static void hashArray(JsonGenerator g, long[] h) throws IOException {
    g.writeStartArray();
    for (long v : h) {
      g.writeString(HexFormat.of().toHexDigits(v));
    }
    g.writeEndArray();
  }

  private static void tool(JsonGenerator g, ToolInfo tool) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeStringField("version", tool.version());
    g.writeObjectFieldStart("models");
    for (Map.Entry<String, String> m : tool.models().entrySet()) {
      g.writeStringField(m.getKey(), m.getValue());
    }
    g.writeEndObject();
    g.writeStringField("scorer", tool.scorer());
    if (tool.scoreModel().isPresent()) {
      ModelIdentity m = tool.scoreModel().get();
      g.writeObjectFieldStart("score_model");
      g.writeStringField("file", m.file());
      g.writeStringField("sha256", m.sha256());
      g.writeStringField("fitted_on", m.fittedOn());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  // ---- reading ----

  /**
   * Reads one JSON line.
   *
   * @throws RecordFormatException naming the first missing or malformed field
   */
  public static ScanRecord fromJsonLine(String line) {
    JsonNode n;
    try {
      n = Reader.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new RecordFormatException("not JSON: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new RecordFormatException("not a JSON object");
    }
    int version = n.has("record_version") ? required(n, "record_version").asInt() : 1;
    if (version > VERSION) {
      throw new RecordFormatException("record_version " + version + " is newer than this ganscan reads (" + VERSION + ")");
    }
    List<FaceRecord> faces = new ArrayList<>();
    for (JsonNode f : array(n, "faces")) {
      faces.add(readFace(f, version));
    }
    List<String> reasons = strings(array(n, "reasons"));
    JsonNode groups = n.get("groups");
    return new ScanRecord(
        text(n, "path"), nullableText(n, "sha256"), ScanResult.Status.fromJson(text(n, "status")), nullableText(n, "error"),
        nullableInt(n, "width"), nullableInt(n, "height"), nullableText(n, "format"), faces, nullableDouble(n, "score"),
        Verdict.Label.fromJson(text(n, "verdict")), reasons, readFingerprint(n.get("fingerprint")),
        nullableText(n, "overlay_error"), groups == null || groups.isNull() ? null : strings(groups), version, readTool(required(n, "tool")),
        nullableText(n, "uri"), n.has("stages") ? strings(array(n, "stages")) : List.of());
  }

  private static FaceRecord readFace(JsonNode f, int version) {
    JsonNode box = required(f, "box");
    JsonNode kp = required(f, "keypoints");
    List<PixelPoint> points = new ArrayList<>();
    for (String name : KEYPOINTS) {
      points.add(pixel(required(kp, name)));
    }
    Detection d = new Detection(
        new PixelBox(num(box, "x"), num(box, "y"), num(box, "w"), num(box, "h")), num(f, "confidence"), Keypoints.of(points), text(f, "detector"));
    JsonNode e = required(f, "eyes");
    EyeGeometry eyes = new EyeGeometry(pixel(required(e, "right")), pixel(required(e, "left")), norm(required(e, "right_norm")),
        norm(required(e, "left_norm")), num(e, "interocular_px"), num(e, "roll_deg"), num(e, "eye_to_mouth_ratio"));
    List<TraitScore> traits = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = required(f, "traits").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> t = it.next();
      String name = version == 1 ? RENAMED_V1.getOrDefault(t.getKey(), t.getKey()) : t.getKey();
      traits.add(readTrait(name, t.getValue()));
    }
    List<LearnedSummary> learned = new ArrayList<>();
    JsonNode l = f.get("learned");
    if (l != null) {
      for (JsonNode x : l) {
        learned.add(new LearnedSummary(text(x, "model"), text(x, "model_sha256"), nullableDouble(x, "probability"),
            required(x, "dimensions").asInt(), text(x, "embedding_sha256")));
      }
    }
    return new FaceRecord(d, num(f, "presence"), eyes, traits, learned);
  }

  private static TraitScore readTrait(String name, JsonNode t) {
    Map<String, Double> detail = new LinkedHashMap<>();
    JsonNode d = t.get("detail");
    if (d != null) {
      d.fields().forEachRemaining(e -> detail.put(e.getKey(), e.getValue().asDouble()));
    }
    return new TraitScore(name, nullableDouble(t, "value"), text(t, "unit"), nullableDouble(t, "score"), text(t, "why"), detail);
  }

  private static Fingerprint readFingerprint(JsonNode f) {
    if (f == null || f.isNull()) {
      return null;
    }
    JsonNode face = f.get("face");
    JsonNode spectrum = f.get("spectrum");
    double[] s = null;
    if (spectrum != null && !spectrum.isNull()) {
      if (!spectrum.isArray()) {
        throw new RecordFormatException("the spectrum is not an array: " + spectrum);
      }
      s = new double[spectrum.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = spectrum.get(i).asDouble();
      }
    }
    return new Fingerprint(hashes(required(f, "whole")), face == null || face.isNull() ? null : hashes(face), num(f, "colourfulness"),
        nullableDouble(f, "interocular"), s, hashes(required(f, "centres")));
  }

  private static long[] hashes(JsonNode a) {
    if (!a.isArray()) {
      throw new RecordFormatException("hashes are not an array: " + a);
    }
    long[] out = new long[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isTextual()) {
        throw new RecordFormatException("a hash is not a hex string: " + a.get(i));
      }
      out[i] = HexFormat.fromHexDigitsToLong(a.get(i).asText());
    }
    return out;
  }

  private static ToolInfo readTool(JsonNode t) {
    Map<String, String> models = new LinkedHashMap<>();
    required(t, "models").fields().forEachRemaining(e -> models.put(e.getKey(), e.getValue().asText()));
    JsonNode m = t.get("score_model");
    Optional<ModelIdentity> model = m == null || m.isNull()
        ? Optional.empty() : Optional.of(new ModelIdentity(text(m, "file"), text(m, "sha256"), nullableText(m, "fitted_on")));
    return new ToolInfo(text(t, "version"), models, text(t, "scorer"), model);
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      throw new RecordFormatException("missing field '" + field + "'");
    }
    return v;
  }

  private static JsonNode typed(JsonNode n, String field, Predicate<JsonNode> ok, String what) {
    JsonNode v = required(n, field);
    if (!ok.test(v)) {
      throw new RecordFormatException("field '" + field + "' is not " + what);
    }
    return v;
  }

  private static JsonNode array(JsonNode n, String field) {
    return typed(n, field, JsonNode::isArray, "an array");
  }

  private static String text(JsonNode n, String field) {
    return typed(n, field, JsonNode::isTextual, "a string").asText();
  }

  private static String nullableText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : text(n, field);
  }

  private static double num(JsonNode n, String field) {
    return typed(n, field, JsonNode::isNumber, "a number").asDouble();
  }

  private static Double nullableDouble(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : num(n, field);
  }

  private static Integer nullableInt(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asInt();
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static PixelPoint pixel(JsonNode a) {
    double[] p = pair(a);
    return new PixelPoint(p[0], p[1]);
  }

  private static NormalizedPoint norm(JsonNode a) {
    double[] p = pair(a);
    return new NormalizedPoint(p[0], p[1]);
  }

  private static double[] pair(JsonNode a) {
    if (!a.isArray() || a.size() != 2 || !a.get(0).isNumber() || !a.get(1).isNumber()) {
      throw new RecordFormatException("a point is not an [x, y] pair of numbers: " + a);
    }
    return new double[] {a.get(0).asDouble(), a.get(1).asDouble()};
  }

  /** A line that is not a ganscan scan record, or lacks a field the record must have. */
  public static final class RecordFormatException extends IllegalArgumentException {
    RecordFormatException(String message) {
      super(message);
    }
  }
}
