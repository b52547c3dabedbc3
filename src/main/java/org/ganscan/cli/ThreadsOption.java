package org.ganscan.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --threads}, shared by the commands that scan; a count below 1 is invalid input (exit 2). */
final class ThreadsOption {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;
  private Integer threads;

  @Option(names = "--threads", paramLabel = "N", description = "Images processed in parallel (default: number of CPUs).")
  void threads(int n) {
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + n);
    }
    threads = n;
  }

  /** Worker threads: the user's choice, else one per CPU. */
  int workers() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
