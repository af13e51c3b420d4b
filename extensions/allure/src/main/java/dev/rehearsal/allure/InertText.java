package dev.rehearsal.allure;

/**
 * Plain text that cannot reorder or hide itself: control characters (except newline and tab) and
 * Unicode bidirectional overrides ("Trojan Source", CVE-2021-42574) become visible escapes.
 */
final class InertText {

  private InertText() {}

  static String of(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean control = Character.isISOControl(cp) && cp != '\n' && cp != '\t';
      boolean bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
      if (control || bidi) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
