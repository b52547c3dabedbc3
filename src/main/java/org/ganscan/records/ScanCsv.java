package org.ganscan.records;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ganscan.face.EyeGeometry;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.face.PixelPoint;
import org.ganscan.scan.ScanResult;
import org.ganscan.score.Verdict;
import org.ganscan.trait.EyePositionTrait;
import org.ganscan.trait.TraitScore;

/**
 * The scan record's one CSV layout: a row per image with the top-level fields and the main face's
 * eye measurements; grouped output adds a {@code groups} column (ids joined by spaces) at the end
 * of the same layout. Reads its own rows back as {@link ScanSummary} values.
 */
public final class ScanCsv {
  public static final List<String> HEADER = List.of(
      "path", "sha256", "status", "error", "width", "height", "format", "faces", "score", "verdict",
      "right_eye_x", "right_eye_y", "left_eye_x", "left_eye_y", "right_eye_u", "right_eye_v",
      "left_eye_u", "left_eye_v", "interocular_px", "roll_deg", "eye_position_value", "eye_position_score",
      "reasons", "tool_version");
  public static final String GROUPS = "groups";
  private static final String REASON_SEPARATOR = " | ";

  private ScanCsv() {}

  /** The header, with the groups column when {@code grouped}. */
  public static List<String> header(boolean grouped) {
    if (!grouped) {
      return HEADER;
    }
    List<String> h = new ArrayList<>(HEADER);
    h.add(GROUPS);
    return h;
  }

  public static CSVFormat format(boolean grouped) {
    return CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(header(grouped).toArray(String[]::new)).build();
  }

  /** The record's row; with the groups column exactly when the record has groups. */
  public static List<String> row(ScanRecord r) {
    List<String> row = new ArrayList<>(HEADER.size() + 1);
    row.add(text(r.path()));
    row.add(orEmpty(r.sha256()));
    row.add(r.status().json());
    row.add(text(orEmpty(r.error())));
    row.add(r.width() == null ? "" : r.width().toString());
    row.add(r.height() == null ? "" : r.height().toString());
    row.add(text(orEmpty(r.format())));
    row.add(Integer.toString(r.faces().size()));
    row.add(r.score() == null ? "" : Numbers.round(r.score(), 4));
    row.add(r.verdict().json());
    r.mainFace().ifPresentOrElse(f -> addEyes(row, f), () -> row.addAll(java.util.Collections.nCopies(12, "")));
    row.add(text(String.join(REASON_SEPARATOR, r.reasons())));
    row.add(text(r.tool().version()));
    if (r.groups() != null) {
      row.add(text(String.join(" ", r.groups())));
    }
    return row;
  }

  /**
   * A text cell a spreadsheet will not run: one that begins with {@code = + - @}, tab or carriage
   * return gets a leading apostrophe (OWASP, "CSV Injection"); {@link #read} takes it off again.
   * Number cells are written as numbers and left alone.
   */
  static String text(String s) {
    return !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  /** The text a cell {@link #text} wrote. */
  static String untext(String s) {
    return s.length() > 1 && s.charAt(0) == '\'' && FORMULA_STARTS.indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
  }

  static final String FORMULA_STARTS = "=+-@\t\r";

  private static void addEyes(List<String> row, FaceRecord f) {
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
    TraitScore eye = f.trait(EyePositionTrait.NAME).orElse(null);
    row.add(eye == null || eye.value() == null ? "" : Numbers.round(eye.value(), 5));
    row.add(eye == null || eye.score() == null ? "" : Numbers.round(eye.score(), 4));
  }

  /**
   * Reads a CSV this class wrote (with or without the groups column).
   *
   * @throws ScanRecordCodec.RecordFormatException when the header is not the record's
   */
  public static List<ScanSummary> read(Reader in) throws IOException {
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      boolean grouped = p.getHeaderNames().equals(header(true));
      if (!grouped && !p.getHeaderNames().equals(HEADER)) {
        throw new ScanRecordCodec.RecordFormatException("not a ganscan scan CSV: header " + p.getHeaderNames());
      }
      List<ScanSummary> out = new ArrayList<>();
      for (CSVRecord c : p) {
        out.add(summary(c, grouped));
      }
      return out;
    }
  }

  private static ScanSummary summary(CSVRecord c, boolean grouped) {
    boolean eyes = !c.get("right_eye_x").isEmpty();
    String reasons = untext(c.get("reasons"));
    String groups = grouped ? untext(c.get(GROUPS)) : null;
    return new ScanSummary(
        untext(c.get("path")), nullIfEmpty(c.get("sha256")), ScanResult.Status.fromJson(c.get("status")), nullIfEmpty(untext(c.get("error"))),
        integer(c.get("width")), integer(c.get("height")), nullIfEmpty(untext(c.get("format"))), Integer.parseInt(c.get("faces")),
        number(c.get("score")), Verdict.Label.fromJson(c.get("verdict")),
        eyes ? new PixelPoint(Double.parseDouble(c.get("right_eye_x")), Double.parseDouble(c.get("right_eye_y"))) : null,
        eyes ? new PixelPoint(Double.parseDouble(c.get("left_eye_x")), Double.parseDouble(c.get("left_eye_y"))) : null,
        eyes ? new NormalizedPoint(Double.parseDouble(c.get("right_eye_u")), Double.parseDouble(c.get("right_eye_v"))) : null,
        eyes ? new NormalizedPoint(Double.parseDouble(c.get("left_eye_u")), Double.parseDouble(c.get("left_eye_v"))) : null,
        number(c.get("interocular_px")), number(c.get("roll_deg")), number(c.get("eye_position_value")), number(c.get("eye_position_score")),
        reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(java.util.regex.Pattern.quote(REASON_SEPARATOR), -1)),
        untext(c.get("tool_version")), groups == null ? null : groups.isEmpty() ? List.of() : Arrays.asList(groups.split(" ")));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String nullIfEmpty(String s) {
    return s.isEmpty() ? null : s;
  }

  private static Integer integer(String s) {
    return s.isEmpty() ? null : Integer.valueOf(s);
  }

  private static Double number(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }
}
