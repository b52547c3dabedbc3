package org.ganscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.ganscan.cache.ResourceCache;
import org.ganscan.image.EncodedFile;
import org.ganscan.image.ImageException;
import org.ganscan.image.ImageLimits;
import org.ganscan.image.PortraitDecoder;
import org.ganscan.records.ScanRecordCodec;

/**
 * Coverage-guided fuzzing (Jazzer) of what hostile files and records reach: the header parser,
 * the limits and the decoder of every format, and the scan-record reader. A normal test run
 * replays the committed corpus (src/test/resources/org/ganscan/fuzz/DecodeFuzzTestInputs/) and
 * every crash found so far; to fuzz for a while:
 * {@code JAZZER_FUZZ=1 mvn -B -o test -Dtest=DecodeFuzzTest#decode} (and {@code #readRecord}), five minutes each
 * ({@code maxDuration}); a finding is written into the corpus folder, where the normal run replays it.
 * The contract: a bad input ends as an ImageException (or a RecordFormatException), never as
 * another exception, an Error, a hang or an allocation past the limits.
 */
class DecodeFuzzTest {
  /** Small limits, so the fuzzer cannot spend its time decoding legal giants. */
  private static final PortraitDecoder DECODER = new ImageLimits(4_000_000L, 1L << 22).decoder();

  @FuzzTest(maxDuration = "5m")
  void decode(byte[] bytes) {
    try {
      DECODER.decode(new EncodedFile(Path.of("fuzz"), bytes, ResourceCache.sha256(bytes)));
    } catch (ImageException expected) {
      // a clear refusal is the right answer to a bad file
    }
  }

  @FuzzTest(maxDuration = "5m")
  void readRecord(byte[] bytes) {
    try {
      ScanRecordCodec.fromJsonLine(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IllegalArgumentException expected) {
      // RecordFormatException, or a record value that breaks its own rules (e.g. a negative size)
    }
  }
}
