package org.ganscan.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganscan.scan.StandardScan;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** ganscan's entry point. */
@Command(
    name = "ganscan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Screens batches of profile photos for GAN-generated faces, offline, and explains every verdict.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:--fail-on-error was given and at least one file could not be read",
      "2:invalid command line",
      "3:ganscan could not start (models missing or corrupt, output not writable)",
      "4:scan --fail-on was given and at least one image reached that verdict"
    })
public final class Main {
  /**
   * The subcommands by name, in help order. A run registers only the one it names: picocli reads
   * every option of every command it is given, which cost about 50 ms of start-up for all of them.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
      ScanCommand.class, GroupCommand.class, ReportCommand.class, EvalCommand.class, FitCommand.class, TrainCommand.class,
      BenchCommand.class, CommandLine.HelpCommand.class);

  private Main() {}

  public static void main(String[] args) {
    // Before any DJL class loads: DJL otherwise probes a cloud metadata address at engine start.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.exit(run(args));
  }

  /**
   * Runs one command line. For {@code scan}, the face models start loading before the command line
   * is even parsed, on a thread of their own, and the scan takes them from there; anything written to
   * standard error waits until that load is over, since the load silences the process's native
   * standard error while it runs.
   */
  static int run(String[] args) {
    String first = args.length > 0 ? args[0] : null;
    if (!"scan".equals(first)) {
      return commandLine(CommandLine.defaultFactory(), first).execute(args);
    }
    try (StandardScan.ModelLoad load = StandardScan.startLoading(true)) {
      CommandLine cl = commandLine(new LoadingFactory(load), first);
      cl.setErr(afterLoad(load));
      return cl.execute(args);
    }
  }

  /** The configured command line with every subcommand, for tests. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory(), null);
  }

  /** The command line with only the subcommand {@code first} names, or all of them when it names none. */
  private static CommandLine commandLine(CommandLine.IFactory factory, String first) {
    CommandLine cl = new CommandLine(new Main(), factory);
    List<Class<?>> chosen = first != null && SUBCOMMANDS.containsKey(first) && !"help".equals(first)
        ? List.of(SUBCOMMANDS.get(first))
        : List.copyOf(SUBCOMMANDS.values());
    chosen.forEach(cl::addSubcommand);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("ganscan: " + describe(e));
          if (Boolean.getBoolean("ganscan.debug")) {
            e.printStackTrace(cmd.getErr());
          }
          return ExitCodes.CANNOT_START;
        });
    return cl;
  }

  /**
   * The failure and every cause the operating system or a library gave, once each: "cannot write
   * results to r.jsonl: No space left on device", not just the outer message.
   */
  static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
      if (!b.toString().contains(m)) {
        b.append(": ").append(m);
      }
      if (c.getCause() == null) {
        break;
      }
    }
    return b.toString();
  }

  private static Map<String, Class<?>> subcommands(Class<?>... commands) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> c : commands) {
      byName.put(c.getAnnotation(Command.class).name(), c);
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** Makes {@code scan} with the models already loading; every other class as picocli would. */
  private record LoadingFactory(StandardScan.ModelLoad load) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      return cls == ScanCommand.class ? cls.cast(new ScanCommand(() -> load)) : CommandLine.defaultFactory().create(cls);
    }
  }

  /** Standard error as picocli writes it, each write held until {@code load} is over. */
  private static PrintWriter afterLoad(StandardScan.ModelLoad load) {
    OutputStream waiting = new FilterOutputStream(System.err) {
      @Override
      public void write(int b) throws IOException {
        load.awaitFinished();
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        load.awaitFinished();
        out.write(b, off, len);
      }
    };
    String encoding = System.getProperty("sun.stderr.encoding");
    return new PrintWriter(new OutputStreamWriter(waiting, encoding == null ? Charset.defaultCharset() : Charset.forName(encoding)), true);
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ganscan " + org.ganscan.scan.ToolInfo.currentVersion()};
    }
  }
}
