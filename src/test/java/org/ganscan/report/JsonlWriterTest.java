package org.ganscan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ganscan.Samples;
import org.ganscan.image.ImageLimits;
import org.ganscan.scan.Pipeline;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.StandardScan;
import org.junit.jupiter.api.Test;

/**
 * Each record reaches the file in one write (hostile-inputs.md, defect 8): a kill can lose a record
 * but never leave half of one, even a record larger than the 8 KB output buffer (a group photo's,
 * with a face entry per person), written through the same buffered stream as scan's --out.
 */
class JsonlWriterTest {
  @Test
  void everyRecordSmallOrLargeArrivesInOneWriteCall() throws Exception {
    List<byte[]> calls = new ArrayList<>();
    OutputStream file = new OutputStream() {
      @Override
      public void write(int b) {
        calls.add(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) {
        calls.add(java.util.Arrays.copyOfRange(b, off, off + len));
      }
    };
    List<ScanResult> results = new ArrayList<>();
    try (StandardScan scan = StandardScan.open(ImageLimits.DEFAULT, false); Pipeline pipeline = scan.pipeline()) {
      for (java.nio.file.Path p : List.of(Samples.gan().get(0), Samples.real().get(0), Samples.gan().get(1))) {
        results.add(pipeline.scan(p.toString(), p));
      }
      try (JsonlWriter writer = new JsonlWriter(new BufferedOutputStream(file), scan.tool())) {
        for (ScanResult r : results) {
          writer.write(r);
        }
      }
    }
    List<byte[]> nonEmpty = calls.stream().filter(c -> c.length > 0).toList();
    assertEquals(results.size(), nonEmpty.size(), "one write call per record");
    int large = 0;
    for (byte[] c : nonEmpty) {
      String line = new String(c, StandardCharsets.UTF_8);
      assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "a whole line per call");
      large += c.length > 8192 ? 1 : 0;
    }
    assertTrue(large >= 1, "the group photo's record is over 8 KB: " + nonEmpty.stream().map(c -> c.length).toList());
  }
}
