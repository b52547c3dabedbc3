package org.ganscan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ganscan never opens a network connection. The real CLI runs for over 12 seconds (long enough for
 * any start-up or timer-driven telemetry) in a network namespace of its own, under strace; any
 * connect() to an internet socket fails the test, and so does any file a telemetry client leaves,
 * and so does any other program it starts (a library probing its environment through a child
 * process, as JNA's 'ldconfig -p' did).
 */
class OfflineTest {
  @Test
  void scanOpensNoNetworkConnection(@TempDir Path dir) throws Exception {
    assumeTrue(works("strace", "-V") && works("unshare", "-n", "true"),
        "needs strace and unshare -n (root); .ci/run installs strace: apt-get install -y strace");
    Path home = Files.createDirectories(dir.resolve("home"));
    Path trace = dir.resolve("trace.txt");
    List<String> cmd = new ArrayList<>(List.of(
        "unshare", "-n", "strace", "-f", "-qq", "-e", "trace=connect,execve", "-o", trace.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
        "org.ganscan.cli.Main", "bench", "--threads", "1", "--seconds", "12"));
    cmd.addAll(org.ganscan.Samples.gan().subList(0, 3).stream().map(Path::toString).toList());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the traced run did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));
    List<String> inet = Files.readAllLines(trace).stream()
        .filter(l -> l.contains("connect(") && (l.contains("AF_INET") || l.contains("AF_INET6")))
        .toList();
    assertEquals(List.of(), inet, "network connections attempted");
    List<String> programs = Files.readAllLines(trace).stream().filter(l -> l.contains("execve(")).toList();
    assertEquals(1, programs.size(), "programs started besides the JVM itself: " + programs);
    assertFalse(Files.exists(home.resolve(".cache/Microsoft")), "ONNX Runtime telemetry files were written");
    assertTrue(Files.readString(dir.resolve("out.txt")).contains("images/s"));
  }

  private static boolean works(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
