package org.ganscan.records;

import java.util.List;
import java.util.Objects;
import org.ganscan.face.NormalizedPoint;
import org.ganscan.face.PixelPoint;
import org.ganscan.scan.ScanResult;
import org.ganscan.score.Verdict;

/**
 * What one CSV row of the scan record holds: the top-level fields and the main face's eye
 * measurements ({@link ScanCsv}). Eye fields are null without a face.
 *
 * @param groups the grouped output's group ids; null in a plain scan's CSV
 */
public record ScanSummary(
    String path, String sha256, ScanResult.Status status, String error, Integer width, Integer height, String format, int faces,
    Double score, Verdict.Label verdict, PixelPoint rightEye, PixelPoint leftEye, NormalizedPoint rightEyeNorm,
    NormalizedPoint leftEyeNorm, Double interocularPx, Double rollDeg, Double eyePositionValue, Double eyePositionScore,
    List<String> reasons, String toolVersion, List<String> groups) {
  public ScanSummary {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
    groups = groups == null ? null : List.copyOf(groups);
  }
}
