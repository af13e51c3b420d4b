package dev.rehearsal.prefix.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds personal data and secrets in text. Patterns are shapes, checked where a checksum exists
 * (Luhn for cards, mod 97 for IBANs), so a 16-digit order number that fails Luhn is not a card.
 * Kinds are tried in {@link PiiKind} order and later matches may not overlap earlier ones, so a
 * secret is not also a phone number.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PiiScanner {

  private record Rule(PiiKind kind, Pattern pattern, Predicate<String> valid, Predicate<String> mayMatch) {
    Rule(PiiKind kind, Pattern pattern, Predicate<String> valid) {
      this(kind, pattern, valid, hint(kind));
    }
  }

  // Cheap tests that rule a kind out before its regex runs; most text has no '@' or digits.
  private static Predicate<String> hint(PiiKind kind) {
    return switch (kind) {
      case API_KEY -> t -> t.contains("sk-") || t.contains("AKIA") || t.contains("ASIA") || t.contains("_")
          || t.contains("xox");
      case JWT -> t -> t.contains("eyJ");
      case EMAIL -> t -> t.indexOf('@') >= 0;
      case IP_ADDRESS -> t -> t.indexOf('.') >= 0 || t.indexOf(':') >= 0;
      default -> PiiScanner::hasDigits;
    };
  }

  private static boolean hasDigits(String t) {
    int digits = 0;
    for (int i = 0; i < t.length() && digits < 7; i++) {
      digits += Character.isDigit(t.charAt(i)) ? 1 : 0;
    }
    return digits >= 7 || (digits >= 4 && t.indexOf('.') >= 0);
  }

  private static final String B = "(?<![A-Za-z0-9_])";
  private static final String E = "(?![A-Za-z0-9_])";
  private static final List<Rule> RULES = List.of(
      rule(PiiKind.API_KEY, B + "(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}"
          + "|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|xox[abposr]-[A-Za-z0-9-]{10,})" + E),
      rule(PiiKind.JWT, B + "eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{8,}" + E),
      rule(PiiKind.EMAIL, B + "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}" + E),
      new Rule(PiiKind.IBAN, Pattern.compile(B + "[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?" + E),
          PiiScanner::ibanValid),
      new Rule(PiiKind.PAYMENT_CARD, Pattern.compile(B + "[0-9](?:[ -]?[0-9]){12,18}" + E), PiiScanner::cardValid),
      rule(PiiKind.US_SSN, B + "(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}" + E),
      new Rule(PiiKind.IP_ADDRESS, Pattern.compile(B + "(?:(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
          + "|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})(?![0-9A-Fa-f.:])"),
          IpRanges::identifiesAHost),
      new Rule(PiiKind.PHONE, Pattern.compile("(?<![A-Za-z0-9_+])(?:\\+[1-9][0-9]{0,2}[ .-]?)?(?:\\([0-9]{1,4}\\)[ .-]?)?"
          + "[0-9]{2,4}(?:[ .-][0-9]{2,4}){1,4}" + E), PiiScanner::phoneValid));

  private static Rule rule(PiiKind kind, String regex) {
    return new Rule(kind, Pattern.compile(regex), s -> true);
  }

  /** Every finding in {@code text}, in text order, none overlapping. */
  public List<Finding> scan(String text) {
    List<Finding> out = new ArrayList<>();
    List<Finding> claimed = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    for (Rule r : RULES) {
      if (!r.mayMatch().test(text)) {
        continue;
      }
      Matcher m = r.pattern().matcher(text);
      while (m.find()) {
        Finding f = new Finding(r.kind(), m.start(), m.end());
        if (out.stream().noneMatch(f::overlaps) && claimed.stream().noneMatch(f::overlaps)) {
          // A loopback or documentation address is still an address: no later rule reads it as a phone.
          (r.valid().test(m.group()) ? out : r.kind() == PiiKind.IP_ADDRESS ? claimed : new ArrayList<Finding>()).add(f);
        }
      }
    }
    out.sort(Comparator.comparingInt(Finding::start));
    return out;
  }

  /** A card number: a known issuer prefix with one of its lengths, and the Luhn check. */
  static boolean cardValid(String s) {
    String digits = s.replaceAll("[^0-9]", "");
    return CardIssuers.known(digits) && luhnValid(digits);
  }

  /** Luhn (ISO/IEC 7812-1 annex B) over the digits; cards have 13 to 19. */
  static boolean luhnValid(String s) {
    String digits = s.replaceAll("[^0-9]", "");
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
    }
    return sum % 10 == 0;
  }

  /** ISO 13616: move the first four chars to the end, letters to 10..35, the number mod 97 is 1. */
  static boolean ibanValid(String s) {
    String iban = s.replace(" ", "");
    Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
    if (iban.length() < 15 || iban.length() > 34 || (length != null && length != iban.length())) {
      return false;
    }
    String moved = iban.substring(4) + iban.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < moved.length(); i++) {
      int v = Character.digit(moved.charAt(i), 36);
      mod = (v > 9 ? mod * 100 + v : mod * 10 + v) % 97;
    }
    return mod == 1;
  }

  // Lengths of common countries' IBANs (SWIFT IBAN registry), to reject look-alikes early.
  private static final Map<String, Integer> IBAN_LENGTHS = Map.of("DE", 22, "GB", 22, "FR", 27, "ES", 24, "IT", 27,
      "NL", 18, "BE", 16, "CH", 21, "AT", 20, "IE", 22);

  // 7 to 15 digits (ITU-T E.164 allows 15), written with a leading + or (area), or in three or more
  // groups; dates (2026-11-02) are not phone numbers.
  private static boolean phoneValid(String s) {
    int digits = s.replaceAll("[^0-9]", "").length();
    return digits >= 7 && digits <= 15 && (s.startsWith("+") || s.startsWith("(") || s.split("[ .-]").length >= 3)
        && !s.matches("[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}");
  }
}
