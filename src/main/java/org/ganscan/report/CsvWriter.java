package org.ganscan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;
import org.ganscan.records.ScanCsv;
import org.ganscan.records.ScanRecord;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ToolInfo;

/** Writes one CSV row per image in the scan record's CSV layout ({@link ScanCsv}), flushing each. */
public final class CsvWriter implements ResultWriter {
  private final CSVPrinter printer;
  private final ToolInfo tool;

  public CsvWriter(OutputStream out, ToolInfo tool) throws IOException {
    this.tool = tool;
    this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), ScanCsv.format(false));
    printer.flush();
  }

  @Override
  public void write(ScanResult r) throws IOException {
    printer.printRecord(ScanCsv.row(ScanRecord.of(r, tool)));
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
