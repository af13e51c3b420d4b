package dev.rehearsal.jupiter;

import java.util.Locale;

/** Reads a limit as written in gate files: {@code 1%}, {@code 2pp} (percentage points) or a fraction like {@code 0.01}. */
final class Limits {

  private Limits() {}

  static double parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("pp")) {
        return Double.parseDouble(t.substring(0, t.length() - 2).strip()) / 100;
      }
      if (t.endsWith("%")) {
        return Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Limit is not a rate like '1%', '2pp' or '0.01': '" + text + "'", e);
    }
  }
}
