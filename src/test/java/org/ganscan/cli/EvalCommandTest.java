package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ganscan.DevSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** eval on a small labelled folder made of dev-set files. */
class EvalCommandTest {
  @Test
  void reportsCrossValidatedFiguresPerVariant(@TempDir Path dir) throws Exception {
    for (String label : new String[] {"gan", "real"}) {
      Files.createDirectories(dir.resolve(label));
      for (Path p : DevSet.images(label).subList(0, 20)) {
        Files.copy(p, dir.resolve(label).resolve(p.getFileName()));
      }
    }
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertEquals(0, cl.execute("eval", dir.toString(), "--degrade", "avatar,thumb", "--folds", "4"));
    String text = out.toString();
    assertTrue(text.contains("== avatar") && text.contains("== thumb"), text);
    assertTrue(text.contains("4-fold cross-validated"), text);
    Matcher m = Pattern.compile("ROC AUC ([0-9.]+)").matcher(text);
    assertTrue(m.find(), text);
    double auc = Double.parseDouble(m.group(1));
    assertTrue(auc > 0.6, "AUC " + auc);
  }

  /** The accuracy this release reaches on the whole dev set; a change that loses it fails here. */
  @Test
  void holdsTheDevSetAccuracyOnAvatarCopies() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertEquals(0, cl.execute("eval", DevSet.root().toString(), "--degrade", "avatar,small"));
    String text = out.toString();
    Matcher m = Pattern.compile("ROC AUC ([0-9.]+) \\| TPR at 1% FPR ([0-9.]+) \\(threshold [0-9.]+\\) \\| TPR at 5% FPR ([0-9.]+)").matcher(text);
    assertTrue(m.find(), text);
    assertTrue(Double.parseDouble(m.group(1)) >= 0.92, "avatar AUC " + m.group(1));
    java.util.regex.Matcher texture = java.util.regex.Pattern.compile("region texture alone \\(.*?\\): ROC AUC ([0-9.]+)").matcher(text);
    assertTrue(texture.find(), text);
    // The shipped probe on the dev avatar copies it measures (0.71 when measured): weak but real evidence.
    assertTrue(Double.parseDouble(texture.group(1)) >= 0.65, "texture AUC " + texture.group(1));
    assertTrue(Double.parseDouble(m.group(3)) >= 0.62, "avatar TPR at 5% FPR " + m.group(3));
    // The small copies (<= 200 px, JPEG q60) are a treatment the model never saw: the fit must carry over.
    assertTrue(m.find(), text);
    assertTrue(Double.parseDouble(m.group(1)) >= 0.90, "small-copy AUC " + m.group(1));
    assertTrue(text.contains("diffusion (reported apart; not GAN)"), text);
    // Among FFHQ-aligned faces the eye position cannot help; the other traits must still separate them.
    Matcher sameCrop = Pattern.compile("FFHQ-aligned faces alone [^:]*: GAN 81 vs real 25: ROC AUC ([0-9.]+)").matcher(text);
    assertTrue(sameCrop.find(), text);
    assertTrue(Double.parseDouble(sameCrop.group(1)) >= 0.72, "avatar AUC among aligned faces " + sameCrop.group(1));
    // Every aligned real photo is listed with the traits that moved its score, signed.
    Matcher listed = Pattern.compile("(?m)^  (FLAGGED|cleared) [0-9.]+ real/\\S+  [a-z_]+ [+-][0-9.]+").matcher(text);
    int rows = 0;
    while (listed.find()) {
      rows++;
    }
    assertTrue(rows >= 2 * 20, "aligned real photos listed in both variants: " + rows);
  }
}
