package dev.rehearsal.prefix.deid;

import java.util.List;

/**
 * Issuer identification prefixes and lengths of the major card networks, so a 16-digit constant or
 * order number that happens to pass Luhn (one in ten does) is not taken for a card. Ranges follow the
 * networks' published IIN tables (Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners,
 * UnionPay, Maestro).
 */
final class CardIssuers {

  /** Prefixes from {@code low} to {@code high} (same number of digits), valid with lengths {@code min..max}. */
  private record Range(int low, int high, int min, int max) {
    boolean matches(String digits) {
      int width = String.valueOf(low).length();
      if (digits.length() < Math.max(width, min) || digits.length() > max) {
        return false;
      }
      int prefix = Integer.parseInt(digits.substring(0, width));
      return prefix >= low && prefix <= high;
    }
  }

  private static final List<Range> RANGES = List.of(
      new Range(4, 4, 13, 19),                 // Visa (13, 16, 19 in use)
      new Range(51, 55, 16, 16), new Range(2221, 2720, 16, 16),   // Mastercard
      new Range(34, 34, 15, 15), new Range(37, 37, 15, 15),       // American Express
      new Range(6011, 6011, 16, 19), new Range(644, 649, 16, 19), new Range(65, 65, 16, 19), // Discover
      new Range(3528, 3589, 16, 19),           // JCB
      new Range(300, 305, 14, 19), new Range(36, 36, 14, 19), new Range(38, 39, 14, 19),    // Diners Club
      new Range(62, 62, 16, 19),               // UnionPay
      new Range(50, 50, 12, 19), new Range(56, 58, 12, 19), new Range(6304, 6304, 12, 19),
      new Range(6759, 6759, 12, 19), new Range(6761, 6763, 12, 19)); // Maestro

  private CardIssuers() {}

  static boolean known(String digits) {
    return RANGES.stream().anyMatch(r -> r.matches(digits));
  }
}
