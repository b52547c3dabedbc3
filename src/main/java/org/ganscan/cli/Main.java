package org.ganscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** ganscan's entry point. */
@Command(
    name = "ganscan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Screens batches of profile photos for GAN-generated faces, offline, and explains every verdict.",
    subcommands = {ScanCommand.class, GroupCommand.class, ReportCommand.class, EvalCommand.class, FitCommand.class, TrainCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:--fail-on-error was given and at least one file could not be read",
      "2:invalid command line",
      "3:ganscan could not start (models missing or corrupt, output not writable)",
      "4:scan --fail-on was given and at least one image reached that verdict"
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Before any DJL class loads: DJL otherwise probes a cloud metadata address at engine start.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for main and for tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
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

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ganscan " + org.ganscan.scan.ToolInfo.currentVersion()};
    }
  }
}
