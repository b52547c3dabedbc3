package org.ganscan.records;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ToolInfo;
import org.ganscan.score.Verdict;

/**
 * The published per-file record (docs/scan-record.schema.json) as a typed value: what
 * {@link ScanRecordCodec} writes and reads back. Every reader (group, report, batch jobs) consumes
 * these, never field names.
 *
 * @param score probability of synthetic, null exactly when the verdict is not_applicable
 * @param fingerprint what grouping compares; null when not decoded, or in records of version 1
 * @param overlayError why the overlay could not be written, or null
 * @param groups ids of the groups the image belongs to; null when the record was not grouped
 * @param recordVersion the record layout's version ({@link ScanRecordCodec#VERSION} when written now)
 * @param uri the input's absolute, byte-exact {@code file:} URI ({@link ScanResult#uriOf}); null in
 *     records written before it existed and for bytes scanned from memory
 * @param stages the analysis stages that ran ({@link ScanResult#stages}); empty in records written
 *     before they were listed, and when the file was not decoded
 */
public record ScanRecord(
    String path, String sha256, ScanResult.Status status, String error, Integer width, Integer height, String format,
    List<FaceRecord> faces, Double score, Verdict.Label verdict, List<String> reasons, Fingerprint fingerprint,
    String overlayError, List<String> groups, int recordVersion, ToolInfo tool, String uri, List<String> stages) {
  public ScanRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    faces = List.copyOf(faces);
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
    stages = stages == null ? List.of() : List.copyOf(stages);
    groups = groups == null ? null : List.copyOf(groups);
    Objects.requireNonNull(tool, "tool");
    new Verdict(score, verdict, reasons); // the verdict's own rules
  }

  /** The record of one scan result. */
  public static ScanRecord of(ScanResult r, ToolInfo tool) {
    return new ScanRecord(r.path(), r.sha256(), r.status(), r.error(), r.width(), r.height(), r.format(),
        r.faces().stream().map(FaceRecord::of).toList(), r.verdict().score(), r.verdict().label(), r.verdict().reasons(),
        r.fingerprint(), r.overlayError(), null, ScanRecordCodec.VERSION, tool, r.uri(), r.stages());
  }

  /** The same record with its group ids. */
  public ScanRecord withGroups(List<String> ids) {
    return new ScanRecord(path, sha256, status, error, width, height, format, faces, score, verdict, reasons, fingerprint,
        overlayError, ids, recordVersion, tool, uri, stages);
  }

  /**
   * Where to open the input again: its {@code uri} when the record has one (exact whatever the
   * name's bytes, from any folder), else its path as written, which is relative to the folder the
   * scan ran in.
   */
  public java.nio.file.Path location() {
    if (uri != null) {
      try {
        return java.nio.file.Path.of(java.net.URI.create(uri));
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        // not a file URI this machine can open; fall back to the path
      }
    }
    return java.nio.file.Path.of(path);
  }

  /** The largest face, the one the verdict is about. */
  public Optional<FaceRecord> mainFace() {
    return faces.stream().findFirst();
  }
}
