package org.ganscan.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganscan.cache.ResourceCache;
import org.ganscan.scan.ScanResult;

/**
 * What a killed scan already wrote, so 'scan --resume' goes on where it stopped: the records
 * that are complete lines, whose input is still in the batch and still has the bytes the record
 * names (sha256). A last line cut short by the kill, and records of inputs that changed or left
 * the batch, are dropped; the kept records are written back (under a temporary name, renamed) and
 * the scan appends the rest.
 *
 * @param done the inputs that need no new record, by their {@link ScanResult#uriOf uri} (two
 *     names whose text is the same under a lossy locale stay two inputs)
 * @param dropped how many lines were dropped, and why, for the user
 */
public record Resume(Set<String> done, List<String> dropped) {
  public Resume {
    done = Set.copyOf(done);
    dropped = List.copyOf(dropped);
  }

  /**
   * Reads {@code results} and rewrites it with only the records that stand.
   *
   * @param inputs the batch's inputs
   */
  public static Resume prepare(Path results, List<Path> inputs) throws IOException {
    if (!Files.exists(results)) {
      return new Resume(Set.of(), List.of());
    }
    Map<String, Path> byUri = new HashMap<>();
    Map<String, Path> byPath = new HashMap<>();
    for (Path p : inputs) {
      byUri.put(ScanResult.uriOf(p), p);
      byPath.put(p.toString(), p);
    }
    ScanRecords.Lines file = ScanRecords.Lines.of(results);
    String[] lines = file.lines();
    boolean cutShort = file.cutShort();
    List<String> kept = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<String> dropped = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (cutShort && i == lines.length - 1) {
        dropped.add("line " + (i + 1) + ": cut short by the interruption");
        continue;
      }
      ScanRecord r;
      try {
        r = ScanRecordCodec.fromJsonLine(line);
      } catch (IllegalArgumentException e) {
        throw new IOException(results + " line " + (i + 1) + " is not a ganscan scan record (" + e.getMessage() + "); resume refuses to guess");
      }
      Path input = r.uri() != null ? byUri.get(r.uri()) : byPath.get(r.path()); // records before uri existed: by path
      if (input == null) {
        dropped.add(r.path() + ": no longer in the batch");
      } else if (done.contains(ScanResult.uriOf(input))) {
        dropped.add(r.path() + ": a second record of the same input");
      } else if (r.sha256() != null && !r.sha256().equals(sha256(input))) {
        dropped.add(r.path() + ": the file changed since it was scanned; scanned again");
      } else if (r.sha256() == null) {
        dropped.add(r.path() + ": could not be read last time; scanned again");
      } else {
        kept.add(line);
        done.add(ScanResult.uriOf(input));
      }
    }
    Path tmp = results.resolveSibling(results.getFileName() + ".resume.tmp");
    Files.writeString(tmp, kept.isEmpty() ? "" : String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Resume(done, dropped);
  }

  private static String sha256(Path input) {
    try {
      return Files.isRegularFile(input) ? ResourceCache.sha256(input) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
