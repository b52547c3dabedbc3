package org.ganscan.cli;

/** Process exit codes, documented in --help and the README. */
final class ExitCodes {
  static final int OK = 0;
  static final int FILE_ERRORS = 1;
  static final int USAGE = 2;
  static final int CANNOT_START = 3;
  static final int VERDICT_REACHED = 4;

  private ExitCodes() {}
}
