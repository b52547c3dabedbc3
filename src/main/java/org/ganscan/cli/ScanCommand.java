package org.ganscan.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ganscan.image.ImageLimits;
import org.ganscan.report.CsvWriter;
import org.ganscan.report.JsonlWriter;
import org.ganscan.records.Resume;
import org.ganscan.report.OutputLock;
import org.ganscan.report.OverlayWriter;
import org.ganscan.report.ResultWriter;
import org.ganscan.scan.InputFiles;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ScanSettings;
import org.ganscan.scan.Scanner;
import org.ganscan.scan.StandardScan;
import org.ganscan.scan.ToolInfo;
import org.ganscan.score.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganscan scan}: one record per input file. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan images (files and folders, recursively) and write one record per file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (files that could not be read still get an error record)",
      "1:--fail-on-error was given and at least one file could not be read",
      "2:invalid command line",
      "3:ganscan could not start (models missing or corrupt, output not writable)",
      "4:--fail-on was given and at least one image reached that verdict"
    })
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Where the face models come from: a load started now, or one the entry point started before parsing. */
  private final java.util.function.Supplier<StandardScan.ModelLoad> models;

  ScanCommand() {
    this(() -> StandardScan.startLoading(true));
  }

  ScanCommand(java.util.function.Supplier<StandardScan.ModelLoad> models) {
    this.models = models;
  }

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders (walked recursively).")
  List<Path> paths;

  @Option(names = "--out", paramLabel = "FILE", description = "Write results here instead of standard output.")
  Path out;

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv.")
  Format format;

  @Mixin ThreadsOption threads;

  @Option(names = "--model", paramLabel = "model.json", description = "Score with this fitted model (a model.json, or the folder 'ganscan train' wrote) instead of the bundled one.")
  Path model;

  @Option(names = "--fail-on-error", description = "Exit with 1 if any file could not be read or decoded.")
  boolean failOnError;

  @Option(names = "--fail-on", paramLabel = "VERDICT",
      description = "Exit with 4 if any image is judged this or worse: synthetic, or inconclusive (which includes synthetic).")
  FailOn failOn;

  @Option(names = "--overlays", paramLabel = "DIR", description = "Write an overlay PNG per image with a face into DIR (copies; inputs are never modified).")
  Path overlays;

  @Option(names = "--full", description = "Measure every trait on every face. By default a cascade skips the person mask and the traits"
      + " that need it (hair, background, ears, region texture) on images whose verdict the other traits settle whatever those would"
      + " measure; the verdict is the same, the record lists the stages that ran. --overlays always measures everything.")
  boolean full;

  @Option(names = "--resume", description = "Continue a scan that was killed: keep the complete records already in --out (their files unchanged),"
      + " drop a line cut short, and append records for the rest.")
  boolean resume;

  private Resume resumed = new Resume(java.util.Set.of(), List.of());

  @Option(names = "--quiet", description = "No progress bar and no summary on standard error.")
  boolean quiet;

  @Option(names = "--json-summary", description = "Print the run's summary as one JSON object on standard error.")
  boolean jsonSummary;

  enum FailOn { synthetic, inconclusive }

  private double maxMegapixels;
  private java.time.Duration fileTimeout = ScanSettings.DEFAULT_PER_FILE;

  @Option(names = "--file-timeout", paramLabel = "SECONDS",
      description = "Give a file that takes longer an error record and go on (default: 60).")
  void fileTimeout(double seconds) {
    if (!(seconds > 0) || seconds > 1e9) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--file-timeout must be a positive number of seconds, not " + seconds);
    }
    fileTimeout = java.time.Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  @Option(names = "--max-megapixels", defaultValue = "100", description = "Refuse images above this size before decoding (default: 100).")
  void maxMegapixels(double mp) {
    if (!(mp > 0) || mp * 1e6 > Long.MAX_VALUE) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-megapixels must be a positive number, not " + mp);
    }
    maxMegapixels = mp;
  }

  enum Format { jsonl, csv }

  @Override
  public Integer call() throws IOException {
    if (resume && (out == null || format != Format.jsonl)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resume needs --out FILE and the jsonl format");
    }
    try (StandardScan.ModelLoad load = models.get()) {
      return scan(load);
    }
  }

  private Integer scan(StandardScan.ModelLoad load) throws IOException {
    List<Path> all = InputFiles.expand(paths);
    ScanSettings settings = StandardScan.settings(ImageLimits.DEFAULT.withMaxPixels((long) (maxMegapixels * 1e6)), model).withPerFile(fileTimeout)
        .withCascade(!full);
    Map<ScanResult.Status, Integer> counts = new EnumMap<>(ScanResult.Status.class);
    Map<Verdict.Label, Integer> verdicts = new EnumMap<>(Verdict.Label.class);
    try (OutputStream sink = open();
        StandardScan scan = StandardScan.open(settings, load);
        Scanner scanner = overlays == null ? scan.scanner(threads.workers()) : scan.scanner(threads.workers(), new OverlayWriter(overlays));
        ResultWriter writer = writer(sink, scan.tool());
        Progress progress = Progress.start(!quiet && Terminal.stderrIsTerminal(), all.size() - resumed.done().size())) {
      List<Path> files = all.stream().filter(p -> !resumed.done().contains(ScanResult.uriOf(p))).toList();
      scanner.scan(files, r -> {
        counts.merge(r.status(), 1, Integer::sum);
        verdicts.merge(r.verdict().label(), 1, Integer::sum);
        write(writer, r);
        progress.step();
      });
    }
    int exit = exitCode(counts, verdicts);
    if (!quiet) {
      if (resume) {
        spec.commandLine().getErr().printf("ganscan: resumed: %d record(s) kept from the interrupted run%n", resumed.done().size());
      }
      summarise(all.size() - resumed.done().size(), counts);
    }
    if (jsonSummary) {
      spec.commandLine().getErr().println(Summary.json(all.size() - resumed.done().size(), counts, verdicts, exit, out));
    }
    return exit;
  }

  private int exitCode(Map<ScanResult.Status, Integer> counts, Map<Verdict.Label, Integer> verdicts) {
    if (failOn != null) {
      int hits = verdicts.getOrDefault(Verdict.Label.SYNTHETIC, 0)
          + (failOn == FailOn.inconclusive ? verdicts.getOrDefault(Verdict.Label.INCONCLUSIVE, 0) : 0);
      if (hits > 0) {
        return ExitCodes.VERDICT_REACHED;
      }
    }
    boolean anyError = counts.getOrDefault(ScanResult.Status.ERROR, 0) > 0;
    return failOnError && anyError ? ExitCodes.FILE_ERRORS : ExitCodes.OK;
  }

  private OutputStream open() throws IOException {
    if (out == null) {
      return new NonClosing(System.out);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputLock lock = OutputLock.acquire(out); // before the file is opened, so a second scan cannot truncate it
    if (resume) {
      resumed = Resume.prepare(out, InputFiles.expand(paths));
      resumed.dropped().forEach(d -> spec.commandLine().getErr().println("ganscan: resume: dropped " + d));
    }
    var mode = resume ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND}
        : new java.nio.file.OpenOption[0];
    return new BufferedOutputStream(Files.newOutputStream(out, mode)) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          lock.close();
        }
      }
    };
  }

  private ResultWriter writer(OutputStream sink, ToolInfo tool) throws IOException {
    return format == Format.csv ? new CsvWriter(sink, tool) : new JsonlWriter(sink, tool);
  }

  private void write(ResultWriter writer, ScanResult r) {
    try {
      writer.write(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + (out == null ? "standard output" : out), e);
    }
  }

  private void summarise(int n, Map<ScanResult.Status, Integer> counts) {
    spec.commandLine().getErr().printf(
        "ganscan: scanned %d file(s): %d with a face, %d without, %d error(s); results in %s%n",
        n, counts.getOrDefault(ScanResult.Status.OK, 0), counts.getOrDefault(ScanResult.Status.NO_FACE, 0),
        counts.getOrDefault(ScanResult.Status.ERROR, 0), out == null ? "standard output" : out.toAbsolutePath());
  }

  /** Standard output must stay open after the writer is done. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
