package org.ganscan.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measured features kept on disk, one row per item, appended as they are measured: the checkpoint
 * a training run resumes from. Rows: relative path, then "face" or "none", then the features in
 * the header's order ("NaN" where missing). A table whose header names other features is refused.
 */
public final class FeatureTable {
  private FeatureTable() {}

  /** The rows already measured, matched to {@code items} by relative path; empty when there is no table yet. */
  public static List<Measured> read(Path table, List<String> names, Map<String, LabelledItem> items) throws IOException {
    List<Measured> out = new ArrayList<>();
    if (!Files.exists(table)) {
      return out;
    }
    List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return out;
    }
    if (!lines.get(0).equals(header(names))) {
      throw new IOException(table + " was measured with other features (" + lines.get(0) + "); delete it to measure again");
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      LabelledItem item = items.get(f[0]);
      if (item == null || f.length != names.size() + 2) {
        continue; // an item no longer in the set, or a row cut short by a crash: measured again
      }
      double[] x = null;
      if (f[1].equals("face")) {
        x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = Double.parseDouble(f[2 + i]);
        }
      }
      out.add(new Measured(item, x, List.of()));
    }
    return out;
  }

  /** Appends rows (writing the header first when the table is new) and forces them to disk. */
  public static void append(Path table, List<String> names, List<Measured> rows) throws IOException {
    boolean fresh = !Files.exists(table) || Files.size(table) == 0;
    boolean cutShort = !fresh && !endsWithNewline(table);
    try (BufferedWriter w = Files.newBufferedWriter(table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      if (fresh) {
        w.write(header(names));
        w.write('\n');
      }
      if (cutShort) {
        w.write('\n'); // a row a crash cut short stays a line of its own, which reading skips
      }
      for (Measured m : rows) {
        StringBuilder b = new StringBuilder(m.item().relative()).append('\t').append(m.hasFace() ? "face" : "none");
        double[] x = m.features();
        for (int i = 0; i < names.size(); i++) {
          b.append('\t').append(x == null ? "" : Double.toString(x[i]));
        }
        w.write(b.append('\n').toString());
      }
    }
  }

  private static boolean endsWithNewline(Path table) throws IOException {
    try (var f = java.nio.channels.FileChannel.open(table)) {
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
      f.read(last, f.size() - 1);
      return last.get(0) == '\n';
    }
  }

  static String header(List<String> names) {
    return "relative\tface\t" + String.join("\t", names);
  }
}
