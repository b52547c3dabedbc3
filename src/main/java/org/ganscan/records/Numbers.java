package org.ganscan.records;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed rounding for output numbers, so records are readable and byte-identical across runs. */
public final class Numbers {
  private Numbers() {}

  public static String round(double v, int decimals) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }
}
