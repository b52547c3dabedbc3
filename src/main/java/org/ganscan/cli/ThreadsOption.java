package org.ganscan.cli;

import picocli.CommandLine.Option;

/** {@code --threads}, shared by the commands that scan. */
final class ThreadsOption {
  @Option(names = "--threads", paramLabel = "N", description = "Images processed in parallel (default: number of CPUs).")
  Integer threads;

  /** Worker threads: the user's choice, else one per CPU. */
  int workers() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
