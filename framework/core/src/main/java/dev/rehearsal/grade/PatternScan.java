package dev.rehearsal.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the first match of a list of refusal patterns in a reply's opening, trying the built-in
 * patterns that open with {@code \b} only where a word starts and its first letters can begin one
 * of their alternatives, and the built-in Chinese patterns only on text with a CJK character (the
 * refusal grader's hot path: most replies carry no cue at all).
 */
final class PatternScan {

  private PatternScan() {}

  /**
   * The leftmost match in masked[0, opening) of any of {@code patterns}, the earlier pattern on a tie.
   * A pattern that starts with {@code \b} and a word character can only match where a word starts,
   * so it is tried there alone ({@link #wordStarts}) instead of at every position: the same match,
   * found without running two dozen patterns' boundary checks at each of up to 8,000 characters.
   */
  static @Nullable Matcher firstDecline(List<Pattern> patterns, String masked, int opening) {
    return firstDecline(patterns, filters(patterns), masked, opening, null);
  }

  static @Nullable Matcher firstDecline(List<Pattern> patterns, @Nullable Filter[] filters, String masked,
      int opening) {
    return firstDecline(patterns, filters, masked, opening, null);
  }

  /**
   * {@code filters[i]}: pattern i's {@link Filter}, or null to search it everywhere; {@code starts}:
   * {@link #wordStarts(String, int)} of masked up to opening, or null to compute them when needed.
   */
  static @Nullable Matcher firstDecline(List<Pattern> patterns, @Nullable Filter[] filters, String masked,
      int opening, int @Nullable [] starts) {
    Matcher best = null;
    int ideograph = -2; // the first CJK character in masked[0, opening): -2 not looked for yet, -1 none
    for (int i = 0; i < patterns.size(); i++) {
      Pattern p = patterns.get(i);
      Filter f = filters[i];
      int from = 0;
      if (f == Ideographic.INSTANCE) {
        ideograph = ideograph == -2 ? firstIdeograph(masked, opening) : ideograph;
        if (ideograph < 0) {
          continue; // every match of the pattern starts with a CJK character, and the text has none
        }
        from = ideograph;
      }
      if (f instanceof WordStart filter) {
        starts = starts == null ? wordStarts(masked, opening) : starts;
        int limit = best == null ? opening : best.start();
        Matcher m = null;
        for (int at : starts) {
          if (at >= limit) {
            break;
          }
          if (!filter.mayStart(masked, at, opening)) {
            continue; // skipped without a matcher reset
          }
          if (m == null) {
            m = p.matcher(masked).useTransparentBounds(true);
          }
          if (m.region(at, opening).lookingAt()) {
            best = m;
            break;
          }
        }
      } else {
        Matcher m = p.matcher(masked).region(from, opening);
        m.useTransparentBounds(true).useAnchoringBounds(true);
        if (m.find() && (best == null || m.start() < best.start())) {
          best = m;
        }
      }
    }
    return best;
  }

  /** How a built-in pattern's search is narrowed without changing its first match. */
  sealed interface Filter permits WordStart, Ideographic {}

  /**
   * A built-in Chinese pattern ({@link RefusalRules#CHINESE_DECLINES}): each alternative begins with
   * a CJK ideograph, and case folding maps no other character to one, so its search starts at the
   * text's first CJK character and text without one is skipped. The patterns have no look-behind or
   * \b, so starting there finds the same first match.
   */
  enum Ideographic implements Filter {
    INSTANCE
  }

  /**
   * The first index in text[0, end) of a character at or above U+2E80, where the CJK blocks begin
   * (a superset of the ideographs), or -1.
   */
  static int firstIdeograph(String text, int end) {
    for (int i = 0, n = Math.min(end, text.length()); i < n; i++) {
      if (text.charAt(i) >= '\u2E80') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Which ASCII characters can begin a match of a pattern that matches only at word starts: its
   * first letters (lower case) and, when known, its first two characters ({@code 128 * first +
   * second}, null when not known). Letters compare case-blind; a non-ASCII character is always tried.
   */
  record WordStart(boolean[] letters, boolean @Nullable [] pairs) implements Filter {
    boolean mayStart(String text, int at, int end) {
      char c = text.charAt(at);
      if (c >= 128) {
        return true;
      }
      if (!letters[Character.toLowerCase(c)]) {
        return false;
      }
      if (pairs == null) {
        return true;
      }
      if (at + 2 > end) {
        return false; // a match needs its first two characters inside the searched part
      }
      char d = text.charAt(at + 1);
      return d >= 128 || pairs[128 * Character.toLowerCase(c) + Character.toLowerCase(d)];
    }
  }

  /**
   * Per pattern, its {@link WordStart} filter when it is a built-in \b pattern, {@link Ideographic}
   * when it is a built-in Chinese one, else null.
   */
  static @Nullable Filter[] filters(List<Pattern> patterns) {
    Filter[] out = new Filter[patterns.size()];
    for (int i = 0; i < out.length; i++) {
      String p = patterns.get(i).pattern();
      out[i] = WORD_START.contains(p) ? wordStart(p) : IDEOGRAPHIC.contains(p) ? Ideographic.INSTANCE : null;
    }
    return out;
  }

  private static final java.util.Set<String> IDEOGRAPHIC = java.util.stream.Stream.concat(
      RefusalRules.CHINESE_DECLINES.stream(), java.util.stream.Stream.of(RefusalRules.CHINESE_DEFLECTION))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * Built-in patterns whose every match starts at a word start: they open with \b and then a
   * letter, or a group whose alternatives all begin with letters (checked by reading the lists in
   * RefusalRules, and by RefusalGraderTests against plain find() on seeded text). Extra phrases of
   * a spec are not assumed to be: they are searched at every position.
   */
  private static final java.util.Set<String> WORD_START = java.util.stream.Stream.concat(
      RefusalRules.DECLINES.stream(), RefusalRules.DEFLECTIONS.stream())
      .filter(p -> p.startsWith("\\b")).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * The filter of a pattern that opens with \b, from how it starts after the \b: its literal text,
   * or each top-level alternative of the group there. Letters: the first letter of each (a table of
   * every character when one does not start with a letter, or with an optional one). Pairs: their
   * first two literal characters (letters, space or apostrophe, none made optional by a quantifier),
   * null when any has fewer. Nothing is ever skipped wrongly.
   */
  static WordStart wordStart(String pattern) {
    List<String> starts = alternatives(pattern.substring(2));
    if (starts == null) {
      return new WordStart(all(), null);
    }
    boolean[] letters = new boolean[128];
    boolean[] pairs = new boolean[128 * 128];
    boolean pairsKnown = true;
    for (String s : starts) {
      if (s.isEmpty() || !letter(letters, s.charAt(0)) || (s.length() > 1 && "?*{".indexOf(s.charAt(1)) >= 0)) {
        return new WordStart(all(), null); // not a letter, or an optional one
      }
      int literal = 0;
      while (literal < s.length() && literal < 2 && (Character.isLetter(s.charAt(literal)) && s.charAt(literal) < 128
          || s.charAt(literal) == ' ' || s.charAt(literal) == '\'')) {
        literal++;
      }
      if (literal < 2 || (s.length() > 2 && "?*{".indexOf(s.charAt(2)) >= 0)) {
        pairsKnown = false;
      } else {
        pairs[128 * Character.toLowerCase(s.charAt(0)) + Character.toLowerCase(s.charAt(1))] = true;
      }
    }
    return new WordStart(letters, pairsKnown ? pairs : null);
  }

  /**
   * How a pattern (after its \b) can start: itself when it does not open with a group, else the
   * top-level alternatives of that group; null when not parsed (a character class in the group).
   */
  private static @Nullable List<String> alternatives(String rest) {
    if (!rest.startsWith("(")) {
      return List.of(rest);
    }
    List<String> out = new ArrayList<>();
    int from = rest.startsWith("(?:") ? 3 : 1;
    int depth = 0;
    int alt = from;
    for (int i = from; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        return null;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        out.add(rest.substring(alt, i));
        return out;
      } else if (c == '|' && depth == 0) {
        out.add(rest.substring(alt, i));
        alt = i + 1;
      }
    }
    return null;
  }

  private static boolean letter(boolean[] table, char c) {
    if (c >= 128 || !Character.isLetter(c)) {
      return false;
    }
    table[Character.toLowerCase(c)] = true;
    return true;
  }

  private static boolean[] all() {
    boolean[] out = new boolean[128];
    java.util.Arrays.fill(out, true);
    return out;
  }

  /**
   * Positions in [0, end) where a match of {@code \b} followed by a word character can start: at 0,
   * or after a character that is not a letter, digit or underscore (a superset: the pattern's own
   * {@code \b} then decides, marks and surrogates included).
   */
  static int[] wordStarts(String s, int end) {
    int[] out = new int[Math.min(end, s.length()) / 2 + 1];
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (i == 0 || !isWordChar(s.charAt(i - 1))) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
