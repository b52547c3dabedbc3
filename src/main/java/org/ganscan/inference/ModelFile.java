package org.ganscan.inference;

import java.util.Objects;

/** One row of {@code models/manifest.tsv}: a model file, where it came from, and its checksum. */
public record ModelFile(
    String file, String packageVersion, String pathInPackage, String byteRange, String sha256,
    String licence, String runtime, String input, String output) {
  public ModelFile {
    Objects.requireNonNull(file, "file");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("bad sha256 for " + file + ": " + sha256);
    }
  }

  static ModelFile parse(String tsvLine) {
    String[] f = tsvLine.split("\t", -1);
    if (f.length < 9) {
      throw new IllegalArgumentException("model manifest row needs 9 tab-separated fields: " + tsvLine);
    }
    return new ModelFile(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
  }
}
