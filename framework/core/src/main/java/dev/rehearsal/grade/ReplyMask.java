package dev.rehearsal.grade;

/**
 * Blanks the parts of a reply that are not the assistant speaking in its own voice: fenced and
 * inline code, quoted lines ({@code > ...}) and short quotations inside a line. Offsets are kept
 * (masked characters become spaces) so evidence spans still point into the original reply. One
 * pass, linear in the reply length.
 */
final class ReplyMask {

  /** Quotations longer than this are taken as the reply itself, not a quote inside it. */
  private static final int MAX_QUOTE = 240;

  private ReplyMask() {}

  static String mask(String reply) {
    char[] out = reply.replace('\u2019', '\'').replace('\u2018', '\'').toCharArray();
    int n = out.length;
    int i = 0;
    int first = 0;
    while (first < n && Character.isWhitespace(out[first])) {
      first++;
    }
    boolean lineStart = true;
    while (i < n) {
      if (startsWith(out, i, "```")) {
        int end = indexOf(out, i + 3, "```");
        int stop = end < 0 ? n : end + 3;
        blank(out, i, stop);
        i = stop;
        continue;
      }
      char c = out[i];
      if (lineStart && c == '>') {
        int stop = lineEnd(out, i);
        blank(out, i, stop);
        i = stop;
        continue;
      }
      if (c == '`' || ((c == '"' || c == '\u201c') && i != first)) {
        char close = c == '\u201c' ? '\u201d' : c;
        int stop = closing(out, i + 1, close);
        if (stop > 0) {
          blank(out, i, stop + 1);
          i = stop + 1;
          continue;
        }
      }
      lineStart = c == '\n' || (lineStart && Character.isWhitespace(c));
      i++;
    }
    return new String(out);
  }

  /** The closing quote on the same line within {@link #MAX_QUOTE} characters, or -1. */
  private static int closing(char[] s, int from, char close) {
    for (int j = from; j < s.length && j - from <= MAX_QUOTE; j++) {
      if (s[j] == close) {
        return j;
      }
      if (s[j] == '\n') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean startsWith(char[] s, int i, String p) {
    if (i + p.length() > s.length) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (s[i + k] != p.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(char[] s, int from, String p) {
    for (int j = from; j + p.length() <= s.length; j++) {
      if (startsWith(s, j, p)) {
        return j;
      }
    }
    return -1;
  }

  private static int lineEnd(char[] s, int i) {
    int j = i;
    while (j < s.length && s[j] != '\n') {
      j++;
    }
    return j;
  }

  private static void blank(char[] s, int from, int to) {
    for (int j = from; j < to; j++) {
      if (s[j] != '\n') {
        s[j] = ' ';
      }
    }
  }
}
