package dev.rehearsal.report;

import org.apiguardian.api.API;

/**
 * Escaping of untrusted text (model output, user turns, spec strings) for every format reports
 * write. Model text is attacker-controlled: a response may contain {@code <script>}, Markdown links
 * or CSV formulas, and must reach readers as inert text.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Escape {

  private Escape() {}

  /** For HTML text and attribute values (double- or single-quoted), and for XML/SVG text nodes. */
  public static String html(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(Character.isISOControl(ch) && ch != '\n' && ch != '\t' ? ' ' : ch);
      }
    }
    return out.toString();
  }

  /** For XML (SVG) text and attributes: the same rules as HTML, which are valid XML. */
  public static String xml(String s) {
    return html(s);
  }

  /**
   * For Markdown table cells and inline text: HTML-escapes (GitLab renders inline HTML), then
   * backslash-escapes Markdown punctuation so links, images, emphasis and pipes stay literal, and
   * folds newlines so a cell stays one cell. Bare URLs, {@code www.} hosts and e-mail addresses get an
   * invisible U+2060 WORD JOINER after {@code :}, {@code www} and {@code @}, so GitLab's and GitHub's
   * autolinking cannot turn model text into live links (issue 12); backslashes and entities do not
   * stop autolinking, which runs on the text after they are resolved.
   */
  public static String markdown(String s) {
    String h = unlinked(html(s).replace("\r", " ").replace("\n", " "));
    StringBuilder out = new StringBuilder(h.length() + h.length() / 8 + 16);
    for (int i = 0; i < h.length(); i++) {
      char ch = h.charAt(i);
      if (ch < 128 && MARKDOWN_PUNCTUATION[ch]) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  private static final boolean[] MARKDOWN_PUNCTUATION = new boolean[128];

  static {
    for (char c : "\\`*_{}[]()#+-!|~".toCharArray()) {
      MARKDOWN_PUNCTUATION[c] = true;
    }
  }

  private static final char WORD_JOINER = '\u2060';

  /**
   * Inserts a word joiner after {@code :} before {@code //}, after a {@code www} that starts a word
   * before {@code .} (any case), and after every {@code @}. One pass: the regular expression this
   * replaces tried three look-arounds at every position and took about 1 s on a 5 MB reply.
   */
  static String unlinked(String s) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 1; i <= s.length(); i++) {
      if (joinerAt(s, i)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 64);
        }
        out.append(s, copied, i).append(WORD_JOINER);
        copied = i;
      }
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** Whether a joiner goes between {@code s[i - 1]} and {@code s[i]}. */
  private static boolean joinerAt(String s, int i) {
    char before = s.charAt(i - 1);
    if (before == '@') {
      return true;
    }
    if (before == ':') {
      return s.startsWith("//", i);
    }
    return (before == 'w' || before == 'W') && i >= 3 && i < s.length() && s.charAt(i) == '.'
        && s.regionMatches(true, i - 3, "www", 0, 3) && (i == 3 || !isWordChar(s.charAt(i - 4)));
  }

  /** A word character as {@code \b} sees one on Java 17. */
  private static boolean isWordChar(char ch) {
    return ch == '_' || Character.isLetterOrDigit(ch);
  }

  /** For a CSV field: quoted, quotes doubled, and a leading formula character neutralised (CWE-1236). */
  public static String csv(String s) {
    String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
