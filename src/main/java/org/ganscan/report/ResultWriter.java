package org.ganscan.report;

import java.io.IOException;
import org.ganscan.scan.ScanResult;

/** Writes scan results one at a time, flushing each so a cut-short run keeps what it finished. */
public interface ResultWriter extends AutoCloseable {
  void write(ScanResult result) throws IOException;

  @Override
  void close() throws IOException;
}
