package dev.rehearsal.prefix.deid;

import java.util.List;
import java.util.Map;

/** Synthetic values of every kind the guard looks for (test numbers and documentation examples). */
public final class Planted {

  private Planted() {}

  public static final Map<String, PiiKind> VALUES = Map.ofEntries(
      Map.entry("jane.doe@example.com", PiiKind.EMAIL),
      Map.entry("+1 415-555-0132", PiiKind.PHONE),
      Map.entry("(415) 555-0199", PiiKind.PHONE),
      Map.entry("4111 1111 1111 1111", PiiKind.PAYMENT_CARD),
      Map.entry("GB82 WEST 1234 5698 7654 32", PiiKind.IBAN),
      Map.entry("DE89370400440532013000", PiiKind.IBAN),
      Map.entry("123-45-6789", PiiKind.US_SSN),
      Map.entry("81.2.69.160", PiiKind.IP_ADDRESS),
      Map.entry("2a00:1450:85a3::8a2e:370:7334", PiiKind.IP_ADDRESS),
      Map.entry("sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234", PiiKind.API_KEY),
      Map.entry("AKIAIOSFODNN7EXAMPLE", PiiKind.API_KEY),
      Map.entry("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", PiiKind.API_KEY),
      Map.entry("xoxb-123456789012-abcdefABCDEF", PiiKind.API_KEY),
      Map.entry("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
          PiiKind.JWT));

  /** Look-alikes that must not be flagged. */
  public static final List<String> LOOK_ALIKES = List.of(
      "4111 1111 1111 1112", "GB82WEST12345698765433", "2026-11-02", "version 1.2.3", "order 12345",
      "sk-short", "call me at noon");
}
