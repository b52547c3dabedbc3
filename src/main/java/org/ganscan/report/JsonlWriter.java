package org.ganscan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.ganscan.records.ScanRecordCodec;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ToolInfo;

/** Writes one scan record per input file as JSON Lines ({@link ScanRecordCodec}), flushing each. */
public final class JsonlWriter implements ResultWriter {
  private final OutputStream out;
  private final ToolInfo tool;

  public JsonlWriter(OutputStream out, ToolInfo tool) {
    this.out = out;
    this.tool = tool;
  }

  @Override
  public void write(ScanResult r) throws IOException {
    out.write((ScanRecordCodec.toJsonLine(r, tool) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
