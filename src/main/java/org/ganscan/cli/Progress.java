package org.ganscan.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar (count, rate, ETA) on standard error, or nothing when it is not a terminal. */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(boolean show, int total) {
    if (!show) {
      return new Progress(null);
    }
    return new Progress(new ProgressBarBuilder()
        .setTaskName("scan")
        .setInitialMax(total)
        .setUnit(" img", 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build());
  }

  /** Sets the count done (for work that reports in chunks). */
  void stepTo(long done) {
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
