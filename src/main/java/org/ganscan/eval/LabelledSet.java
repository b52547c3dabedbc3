package org.ganscan.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.cache.ResourceCache;
import org.ganscan.image.ImageException;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.InputFiles;

/** A folder laid out like the dev set: gan/, real/, diffusion/, noface/ and an optional MANIFEST.tsv. */
public final class LabelledSet {
  public static final List<String> LABELS = List.of("gan", "real", "diffusion", "noface");

  private LabelledSet() {}

  public static List<LabelledItem> read(Path root) throws IOException {
    Map<String, Map<String, String>> manifest = manifest(root.resolve("MANIFEST.tsv"));
    List<LabelledItem> out = new ArrayList<>();
    for (String label : LABELS) {
      Path dir = root.resolve(label);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path p : InputFiles.expand(List.of(dir))) {
        String rel = root.relativize(p).toString();
        Map<String, String> row = manifest.getOrDefault(rel, Map.of());
        try {
          out.add(new LabelledItem(rel, label, row.getOrDefault("generator_or_source", label),
              row.getOrDefault("ffhq_aligned", ""), ImageLimits.DEFAULT.read(p)));
        } catch (ImageException e) {
          // An unreadable file has no score to evaluate; scan reports it.
        }
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no labelled files under " + root + ": expected folders " + LABELS);
    }
    return out;
  }

  /** A hash of every file's sha256 and label, for provenance. */
  public static String fingerprint(List<LabelledItem> items) {
    StringBuilder b = new StringBuilder();
    items.stream().map(i -> i.label() + ":" + i.file().sha256()).sorted().forEach(s -> b.append(s).append('\n'));
    return ResourceCache.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** MANIFEST.tsv rows keyed by their first column (the relative file name); empty when there is no manifest. */
  public static Map<String, Map<String, String>> manifest(Path tsv) throws IOException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    if (!Files.isRegularFile(tsv)) {
      return rows;
    }
    List<String> lines = Files.readAllLines(tsv);
    if (lines.isEmpty()) {
      return rows;
    }
    String[] header = lines.get(0).split("\t", -1);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < f.length; i++) {
        row.put(header[i], f[i]);
      }
      rows.put(f[0], row);
    }
    return rows;
  }
}
