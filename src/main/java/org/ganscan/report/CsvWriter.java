package org.ganscan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ganscan.scan.FaceResult;
import org.ganscan.scan.ScanResult;
import org.ganscan.trait.EyeGeometry;
import org.ganscan.trait.TraitScore;

/** Writes one CSV row per image: the top-level fields and the main face's eye measurements. */
public final class CsvWriter implements ResultWriter {
  public static final List<String> HEADER = List.of(
      "path", "sha256", "status", "error", "width", "height", "format", "faces", "score", "verdict",
      "right_eye_x", "right_eye_y", "left_eye_x", "left_eye_y", "right_eye_u", "right_eye_v",
      "left_eye_u", "left_eye_v", "interocular_px", "roll_deg", "eye_position_value", "eye_position_score",
      "reasons", "tool_version");
  private final CSVPrinter printer;
  private final ToolInfo tool;

  public CsvWriter(OutputStream out, ToolInfo tool) throws IOException {
    this.tool = tool;
    this.printer = new CSVPrinter(
        new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(HEADER.toArray(String[]::new)).build());
    printer.flush();
  }

  @Override
  public void write(ScanResult r) throws IOException {
    printer.printRecord(row(r));
    printer.flush();
  }

  private List<String> row(ScanResult r) {
    List<String> row = new ArrayList<>(HEADER.size());
    row.add(r.path());
    row.add(orEmpty(r.sha256()));
    row.add(r.status().json());
    row.add(orEmpty(r.error()));
    row.add(r.width() == null ? "" : r.width().toString());
    row.add(r.height() == null ? "" : r.height().toString());
    row.add(orEmpty(r.format()));
    row.add(Integer.toString(r.faces().size()));
    row.add(r.verdict().score() == null ? "" : Numbers.round(r.verdict().score(), 4));
    row.add(r.verdict().label().json());
    r.mainFace().ifPresentOrElse(f -> addEyes(row, f), () -> padEyes(row));
    row.add(String.join(" | ", r.verdict().reasons()));
    row.add(tool.version());
    return row;
  }

  private static void addEyes(List<String> row, FaceResult f) {
    EyeGeometry e = f.eyes();
    row.add(Numbers.round(e.right().x(), 2));
    row.add(Numbers.round(e.right().y(), 2));
    row.add(Numbers.round(e.left().x(), 2));
    row.add(Numbers.round(e.left().y(), 2));
    row.add(Numbers.round(e.rightNorm().u(), 5));
    row.add(Numbers.round(e.rightNorm().v(), 5));
    row.add(Numbers.round(e.leftNorm().u(), 5));
    row.add(Numbers.round(e.leftNorm().v(), 5));
    row.add(Numbers.round(e.interocularPx(), 2));
    row.add(Numbers.round(e.rollDegrees(), 2));
    TraitScore eye = f.traits().stream().filter(t -> t.name().equals("eye_position")).findFirst().orElse(null);
    row.add(eye == null || eye.value() == null ? "" : Numbers.round(eye.value(), 5));
    row.add(eye == null || eye.score() == null ? "" : Numbers.round(eye.score(), 4));
  }

  private static void padEyes(List<String> row) {
    for (int i = 0; i < 12; i++) {
      row.add("");
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
