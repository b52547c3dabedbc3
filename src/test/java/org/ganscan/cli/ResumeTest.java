package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A scan killed at random moments and resumed each time ends with exactly one complete record per
 * file, byte-identical to an uninterrupted run.
 */
class ResumeTest {
  private static Process start(Path batch, Path out, boolean resume, Path log) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.ganscan.cli.Main",
        "scan", batch.toString(), "--out", out.toString(), "--threads", "2", "--quiet"));
    if (resume) {
      cmd.add("--resume");
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  @Test
  void aScanKilledAtRandomMomentsAndResumedEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    // 280 files: the 14 demo samples twenty times over under other names (a scan of them takes several
    // seconds, so the kills below land part way through).
    for (int copy = 0; copy < 20; copy++) {
      for (Path p : org.ganscan.Samples.gan()) {
        Files.copy(p, batch.resolve(copy + "_" + p.getFileName()));
      }
      for (Path p : org.ganscan.Samples.real()) {
        Files.copy(p, batch.resolve(copy + "_" + p.getFileName()));
      }
    }
    Path whole = dir.resolve("whole.jsonl");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute("scan", batch.toString(), "--out", whole.toString(), "--threads", "2", "--quiet"), err.toString());

    Path out = dir.resolve("resumed.jsonl");
    Path log = dir.resolve("log.txt");
    Random random = new Random(13);
    int kills = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
      Process p = start(batch, out, attempt > 0, log);
      if (!p.waitFor(2500 + random.nextInt(3000), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        kills++;
      } else {
        assertEquals(0, p.exitValue(), Files.readString(log));
        break;
      }
    }
    Process last = start(batch, out, true, log);
    assertTrue(last.waitFor(3, TimeUnit.MINUTES), "the last resume did not finish");
    assertEquals(0, last.exitValue(), Files.readString(log));
    assertTrue(kills >= 1, "the run was never interrupted; the test proves nothing: " + Files.readString(log));
    // The subprocess runs from classes, as the in-process scan does, so the records are the same bytes.
    assertEquals(Files.readString(whole), Files.readString(out), "after " + kills + " kills: " + Files.readString(log));
  }
}
