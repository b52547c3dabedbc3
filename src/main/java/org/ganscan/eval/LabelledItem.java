package org.ganscan.eval;

import java.util.Objects;
import org.ganscan.image.EncodedFile;

/**
 * One file of a labelled folder.
 *
 * @param label the class folder: gan, real, diffusion or noface
 * @param source the manifest's source column, or the label when there is no manifest
 * @param aligned the manifest's ffhq_aligned column, or "" when unknown
 */
public record LabelledItem(String relative, String label, String source, String aligned, EncodedFile file) {
  public LabelledItem {
    Objects.requireNonNull(relative);
    Objects.requireNonNull(label);
    Objects.requireNonNull(source);
    Objects.requireNonNull(aligned);
    Objects.requireNonNull(file);
  }

  public boolean isGan() {
    return label.equals("gan");
  }

  public boolean isReal() {
    return label.equals("real");
  }
}
