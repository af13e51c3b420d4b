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
    StringBuilder out = new StringBuilder(h.length() + 16);
    for (int i = 0; i < h.length(); i++) {
      char ch = h.charAt(i);
      if ("\\`*_{}[]()#+-!|~".indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern AUTOLINK = java.util.regex.Pattern.compile(
      "(?i)(?<=:)(?=//)|(?<=\\bwww)(?=\\.)|(?<=@)");

  static String unlinked(String s) {
    return AUTOLINK.matcher(s).replaceAll("\u2060");
  }

  /** For a CSV field: quoted, quotes doubled, and a leading formula character neutralised (CWE-1236). */
  public static String csv(String s) {
    String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
