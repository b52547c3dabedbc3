package org.ganscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ganscan.face.Detection;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.face.PixelPoint;
import org.ganscan.scan.FaceResult;
import org.ganscan.scan.ScanResult;
import org.ganscan.trait.EyeGeometry;
import org.ganscan.trait.TraitScore;

/** Writes one JSON object per input file, one per line, in the documented field order. */
public final class JsonlWriter implements ResultWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private final OutputStream out;
  private final ToolInfo tool;

  public JsonlWriter(OutputStream out, ToolInfo tool) {
    this.out = out;
    this.tool = tool;
  }

  @Override
  public void write(ScanResult r) throws IOException {
    out.write(toLine(r, tool, List.of()).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
  }

  /** One record as a JSON line (no newline); {@code groups} is added when non-empty. */
  public static String toLine(ScanResult r, ToolInfo tool, List<String> groups) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("path", r.path());
      g.writeStringField("sha256", r.sha256());
      g.writeStringField("status", r.status().json());
      g.writeStringField("error", r.error());
      writeInt(g, "width", r.width());
      writeInt(g, "height", r.height());
      g.writeStringField("format", r.format());
      g.writeArrayFieldStart("faces");
      for (FaceResult f : r.faces()) {
        writeFace(g, f);
      }
      g.writeEndArray();
      g.writeFieldName("score");
      if (r.verdict().score() == null) {
        g.writeNull();
      } else {
        g.writeNumber(Numbers.round(r.verdict().score(), 4));
      }
      g.writeStringField("verdict", r.verdict().label().json());
      g.writeArrayFieldStart("reasons");
      for (String reason : r.verdict().reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      if (!groups.isEmpty()) {
        g.writeArrayFieldStart("groups");
        for (String id : groups) {
          g.writeString(id);
        }
        g.writeEndArray();
      }
      writeTool(g, tool);
      g.writeEndObject();
    }
    return s.toString();
  }

  private static void writeInt(JsonGenerator g, String name, Integer v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  private static void writeFace(JsonGenerator g, FaceResult f) throws IOException {
    Detection d = f.face().detection();
    g.writeStartObject();
    g.writeObjectFieldStart("box");
    number(g, "x", d.box().x(), 2);
    number(g, "y", d.box().y(), 2);
    number(g, "w", d.box().w(), 2);
    number(g, "h", d.box().h(), 2);
    g.writeEndObject();
    number(g, "confidence", d.confidence(), 4);
    number(g, "presence", f.face().presence(), 4);
    g.writeStringField("detector", d.model());
    g.writeObjectFieldStart("keypoints");
    point(g, "right_eye", d.keypoints().rightEye());
    point(g, "left_eye", d.keypoints().leftEye());
    point(g, "nose", d.keypoints().nose());
    point(g, "mouth", d.keypoints().mouth());
    point(g, "right_ear", d.keypoints().rightEar());
    point(g, "left_ear", d.keypoints().leftEar());
    g.writeEndObject();
    eyes(g, f.eyes());
    g.writeObjectFieldStart("traits");
    for (TraitScore t : f.traits()) {
      trait(g, t);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, double v, int decimals) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Numbers.round(v, decimals));
  }

  private static void writeTool(JsonGenerator g, ToolInfo tool) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeStringField("version", tool.version());
    g.writeObjectFieldStart("models");
    for (Map.Entry<String, String> m : tool.models().entrySet()) {
      g.writeStringField(m.getKey(), m.getValue());
    }
    g.writeEndObject();
    g.writeStringField("scorer", tool.scorer());
    g.writeEndObject();
  }

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

  private static void eyes(JsonGenerator g, EyeGeometry e) throws IOException {
    g.writeObjectFieldStart("eyes");
    point(g, "right", e.right());
    point(g, "left", e.left());
    point(g, "right_norm", e.rightNorm());
    point(g, "left_norm", e.leftNorm());
    number(g, "interocular_px", e.interocularPx(), 2);
    number(g, "roll_deg", e.rollDegrees(), 2);
    number(g, "eye_to_mouth_ratio", e.eyeToMouthRatio(), 4);
    g.writeEndObject();
  }

  private static void trait(JsonGenerator g, TraitScore t) throws IOException {
    g.writeObjectFieldStart(t.name());
    g.writeFieldName("value");
    if (t.value() == null) {
      g.writeNull();
    } else {
      g.writeNumber(Numbers.round(t.value(), 5));
    }
    g.writeStringField("unit", t.unit());
    g.writeFieldName("score");
    if (t.score() == null) {
      g.writeNull();
    } else {
      g.writeNumber(Numbers.round(t.score(), 4));
    }
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

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
