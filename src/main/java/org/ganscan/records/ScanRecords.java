package org.ganscan.records;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.face.PixelPoint;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.Member;

/** Files of scan records (JSON Lines) and the grouped output written from them. */
public final class ScanRecords {
  private ScanRecords() {}

  /** A JSON Lines file's lines, and whether its last one lacks its newline (a write cut short). */
  record Lines(String[] lines, boolean cutShort) {
    static Lines of(Path file) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      return new Lines(new String(bytes, StandardCharsets.UTF_8).split("\n", -1), bytes.length > 0 && bytes[bytes.length - 1] != '\n');
    }
  }

  /** The records of a file, and what was skipped. */
  public record Read(List<ScanRecord> records, List<String> warnings) {
    public Read {
      records = List.copyOf(records);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Every record of a JSON Lines file, in order; blank lines are skipped. A last line without its
   * newline that does not parse (a run killed or a disk filled while writing it) is skipped with a
   * warning; any other line that is not a record is an error.
   *
   * @throws java.io.IOException naming the file and line of a line that is not a scan record
   */
  public static Read read(Path jsonl) throws IOException {
    if (java.nio.file.Files.isDirectory(jsonl)) {
      return readParts(jsonl);
    }
    Lines file = Lines.of(jsonl);
    String[] lines = file.lines();
    boolean cutShort = file.cutShort();
    List<ScanRecord> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String s = lines[i];
      if (s.isBlank()) {
        continue;
      }
      try {
        out.add(ScanRecordCodec.fromJsonLine(s));
      } catch (IllegalArgumentException e) {
        if (cutShort && i == lines.length - 1) {
          warnings.add(jsonl + " line " + (i + 1) + " is cut short (no newline, " + s.length() + " characters) and was skipped: " + e.getMessage());
        } else {
          throw new IOException(jsonl + " line " + (i + 1) + ": not a ganscan scan record: " + e.getMessage(), e);
        }
      }
    }
    return new Read(out, warnings);
  }

  /** The {@code part-*} files of a folder the Spark job wrote, in name order (the batch's order). */
  public static List<Path> partFiles(Path folder) throws IOException {
    try (var listing = java.nio.file.Files.list(folder)) {
      return listing.filter(p -> p.getFileName().toString().startsWith("part-") && java.nio.file.Files.isRegularFile(p)).sorted().toList();
    }
  }

  /**
   * A folder of part files as the Spark job writes them ({@code part-00000}, ... in name order,
   * the batch's order), read as one results file.
   */
  private static Read readParts(Path folder) throws IOException {
    List<Path> parts = partFiles(folder);
    if (parts.isEmpty()) {
      throw new IOException(folder + " is a folder without part-* files of scan records");
    }
    List<ScanRecord> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path part : parts) {
      Read r = read(part);
      out.addAll(r.records());
      warnings.addAll(r.warnings());
    }
    return new Read(out, warnings);
  }

  /** The record as grouping sees it: the main face's landmarks as fractions of the frame, and the fingerprint. */
  public static Member member(ScanRecord r) {
    int w = r.width() == null ? 0 : r.width();
    int h = r.height() == null ? 0 : r.height();
    FaceLandmarks landmarks = r.mainFace().filter(f -> w > 0 && h > 0).map(f -> {
      var k = f.detection().keypoints();
      return new FaceLandmarks(f.eyes().rightNorm(), f.eyes().leftNorm(), norm(k.nose(), w, h), norm(k.mouth(), w, h),
          norm(k.rightEar(), w, h), norm(k.leftEar(), w, h));
    }).orElse(null);
    return new Member(r.path(), r.sha256(), w, h, landmarks, r.fingerprint());
  }

  private static NormalizedPoint norm(PixelPoint p, int w, int h) {
    return new NormalizedPoint(p.x() / w, p.y() / h);
  }

  /** Writes the records, each with its group ids (possibly none), as JSON Lines. */
  public static void writeJsonl(Path out, List<ScanRecord> records, Map<String, List<String>> groupsByPath) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (ScanRecord r : records) {
        w.write(ScanRecordCodec.toJsonLine(r.withGroups(groupsByPath.getOrDefault(r.path(), List.of()))));
        w.write('\n');
      }
    }
  }

  /** Writes the records in the scan's CSV layout with the groups column. */
  public static void writeCsv(Path out, List<ScanRecord> records, Map<String, List<String>> groupsByPath) throws IOException {
    try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), ScanCsv.format(true))) {
      for (ScanRecord r : records) {
        printer.printRecord(ScanCsv.row(r.withGroups(groupsByPath.getOrDefault(r.path(), List.of()))));
      }
    }
  }
}
