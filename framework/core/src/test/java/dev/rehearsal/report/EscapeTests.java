package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EscapeTests {

  static final String HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) | **b** <img src=x onerror=alert(2)> \"'&";

  @Test
  void html_escaping_leaves_no_markup() {
    String out = Escape.html(HOSTILE);

    assertThat(out).doesNotContain("<", ">", "\"").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&amp;", "&#39;");
  }

  @Test
  void markdown_escaping_neutralises_links_emphasis_pipes_and_html() {
    String out = Escape.markdown(HOSTILE + "\nsecond line");

    assertThat(out).doesNotContain("<script", "](", "**", "\n").contains("\\[x\\]\\(javascript:alert\\(1\\)\\)", "\\|");
  }

  /**
   * GitHub Flavored Markdown spec 0.29, section 6.9 (extended autolinks): a link is recognised at
   * {@code www.}, at {@code http://}/{@code https://}/{@code ftp://}, and at {@code local@domain}; with
   * none of those character sequences left, no renderer can autolink.
   */
  @Test
  void item12_bare_urls_from_model_output_are_not_autolinked_in_markdown() {
    String out = Escape.markdown("see https://127.0.0.1/x, WWW.localhost or mail me@localhost");

    assertThat(out).doesNotContainIgnoringCase("://", "www.").doesNotContainPattern("@[A-Za-z]");
    assertThat(out.replace("\u2060", "")).isEqualTo(
        "see https://127.0.0.1/x, WWW.localhost or mail me@localhost".replace("-", "\\-"));
  }

  @Test
  void csv_escaping_quotes_fields_and_defuses_formulas() {
    assertThat(Escape.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void forest_plot_escapes_every_spec_text_node() {
    TableRow row = new TableRow("<script>alert(1)</script>", "g", "high", "o", "seg&<b>", 10, 1, 0.1, 0.01, 0.4, 10, 0,
        0, 0, 0.2, "-", List.of(0.2), "pass", "-");

    String svg = ForestPlot.svg("t<i>", List.of(row));

    assertThat(svg).doesNotContain("<script>", "<b>", "<i>").contains("&lt;script&gt;", "seg&amp;&lt;b&gt;");
  }

  /** The regular expression {@code unlinked} used before it became one linear pass (issue 12, 5 MB replies). */
  private static final java.util.regex.Pattern FORMER_AUTOLINK = java.util.regex.Pattern.compile(
      "(?i)(?<=:)(?=//)|(?<=\\bwww)(?=\\.)|(?<=@)");

  @Test
  void linear_unlinking_inserts_the_same_joiners_as_the_former_regular_expression() {
    // given 20,000 seeded random strings over the characters that matter and their neighbours
    java.util.Random random = new java.util.Random(12);
    String alphabet = ":/wW.@a_ 1\u00e9-";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(24); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();

      // then the linear pass and the regular expression agree exactly
      assertThat(Escape.unlinked(s)).as(s).isEqualTo(FORMER_AUTOLINK.matcher(s).replaceAll("\u2060"));
    }
  }
}
