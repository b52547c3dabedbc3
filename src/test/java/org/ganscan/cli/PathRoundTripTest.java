package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ganscan.TestImages;
import org.ganscan.cache.ResourceCache;
import org.ganscan.records.ScanRecord;
import org.ganscan.records.ScanRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A record's path lets a reader open the same file again (hostile-inputs.md, defect 9): names that
 * are not UTF-8, and non-ASCII names under the C locale, whose text is lossy (two different files
 * show the same path), are exact in the record's {@code uri}, and resume and readers use it.
 */
class PathRoundTripTest {
  /** Makes files with exactly these name bytes (given as bash $'..' escapes), each a different JPEG. */
  private static void makeFiles(Path dir, String... escapedNames) throws Exception {
    StringBuilder script = new StringBuilder("set -e; cd \"$0\"; ");
    for (int i = 0; i < escapedNames.length; i++) {
      Files.write(dir.resolve("seed" + i + ".bin"), TestImages.jpeg(100 + i));
      script.append("mv seed").append(i).append(".bin $'").append(escapedNames[i]).append("'; ");
    }
    Process p = new ProcessBuilder("bash", "-c", script.toString(), dir.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
  }

  /** Each record's uri opens the very file it was made from: distinct, and with the record's sha256. */
  private static void assertEveryRecordOpensItsOwnFile(Path results, int expected) throws Exception {
    List<ScanRecord> records = ScanRecords.read(results).records();
    assertEquals(expected, records.size());
    Set<String> uris = new HashSet<>();
    Set<String> shas = new HashSet<>();
    for (ScanRecord r : records) {
      assertTrue(r.uri() != null && r.uri().startsWith("file:"), r.toString());
      uris.add(r.uri());
      shas.add(r.sha256());
      Path back = r.location();
      assertTrue(Files.isRegularFile(back), r.uri() + " does not open a file");
      assertEquals(r.sha256(), ResourceCache.sha256(back), r.uri() + " opens another file");
    }
    assertEquals(expected, uris.size(), "uris are distinct");
    assertEquals(expected, shas.size(), "each file got its own record");
  }

  @Test
  void namesThatAreNotUtf8RoundTripThroughTheRecordsUri(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    makeFiles(batch, "caf\\xe9.jpg", "caf\\xe8.jpg", "\\xff\\xfe.jpg"); // Latin-1 bytes: not UTF-8
    Path out = dir.resolve("r.jsonl");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute("scan", batch.toString(), "--out", out.toString(), "--quiet"), err.toString());
    assertEveryRecordOpensItsOwnFile(out, 3);
    // Resume recognises each of them as done, though two show the same lossy path.
    assertEquals(0, cl.execute("scan", batch.toString(), "--out", out.toString(), "--quiet", "--resume"), err.toString());
    assertEveryRecordOpensItsOwnFile(out, 3);
  }

  @Test
  void nonAsciiNamesUnderTheCLocaleRoundTripAndReadersOpenThemFromAnotherFolder(@TempDir Path dir) throws Exception {
    Path batch = Files.createDirectories(dir.resolve("batch"));
    makeFiles(batch, "\\xc3\\xa9.jpg", "\\xc3\\xa8.jpg", "\\xe5\\xbc\\xa0\\xe4\\xbc\\x9f.jpg"); // é, è, 张伟 in UTF-8
    Path out = dir.resolve("r.jsonl");
    Path log = dir.resolve("log.txt");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.ganscan.cli.Main",
        "scan", "batch", "--out", out.toString(), "--quiet"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
    env.put("LC_ALL", "C");
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scan under the C locale did not finish");
    assertEquals(0, p.exitValue(), Files.readString(log));
    // Read from this test's own folder, not the scan's: the relative paths do not resolve here, the uris do.
    assertEveryRecordOpensItsOwnFile(out, 3);
  }
}
