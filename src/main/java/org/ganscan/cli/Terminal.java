package org.ganscan.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Whether standard error is a terminal, so progress bars stay out of logs and pipes. */
final class Terminal {
  private Terminal() {}

  interface CLib extends Library {
    int isatty(int fd);
  }

  static boolean stderrIsTerminal() {
    if (!System.getProperty("os.name", "").toLowerCase().matches(".*(linux|mac).*")) {
      return System.console() != null;
    }
    try {
      return Native.load("c", CLib.class).isatty(2) == 1;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }
}
