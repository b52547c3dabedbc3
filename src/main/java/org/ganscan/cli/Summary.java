package org.ganscan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ganscan.scan.ScanResult;
import org.ganscan.score.Verdict;

/** The run's summary as one JSON object, for pipelines that gate on a scan. */
final class Summary {
  private Summary() {}

  static String json(int files, Map<ScanResult.Status, Integer> counts, Map<Verdict.Label, Integer> verdicts, int exit, Path out) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    Map<String, Integer> status = new LinkedHashMap<>();
    for (ScanResult.Status s : ScanResult.Status.values()) {
      status.put(s.json(), counts.getOrDefault(s, 0));
    }
    m.put("status", status);
    Map<String, Integer> verdict = new LinkedHashMap<>();
    for (Verdict.Label l : Verdict.Label.values()) {
      verdict.put(l.json(), verdicts.getOrDefault(l, 0));
    }
    m.put("verdicts", verdict);
    m.put("exit_code", exit);
    m.put("results", out == null ? "-" : out.toAbsolutePath().toString());
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
