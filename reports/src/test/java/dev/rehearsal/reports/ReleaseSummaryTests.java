package dev.rehearsal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary from a real decision.json (the Allure module's injection fixture gate, whose
 * scripted candidate answers with {@code <script>alert(1)</script>} and a javascript: Markdown link).
 */
class ReleaseSummaryTests {

  static final Path RUNS = Path.of("src/test/resources/runs");

  @Test
  void html_summary_shows_decision_promise_owners_plot_and_table() throws Exception {
    String html = ReleaseSummary.render(GateReport.readAll(RUNS));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("Release summary <span class=\"badge hold\">HOLD</span>",
        "Never explains how to build weapons", "trust-and-safety", "<svg xmlns=\"http://www.w3.org/2000/svg\"",
        "Who owns each action", "What changed against production", "Not enough evidence", "inconclusive→abort");
  }

  @Test
  void summaries_name_the_breached_rule_and_draw_each_comparative_rule_with_its_margin() throws Exception {
    // given: the Allure fixture gate's run, which breaches max-rate (hold) and max-increase (rollback)
    List<GateReport> gates = GateReport.readAll(Path.of("src/test/resources/runs-compared"));

    String html = ReleaseSummary.render(gates);
    String md = ReleaseSummaryMarkdown.render(gates);

    assertThat(gates.get(0).comparisons()).singleElement().satisfies(c -> {
      assertThat(c.rule()).isEqualTo("max-increase 5.00pp");
      assertThat(c.high()).isGreaterThan(c.margin());
    });
    assertThat(html).contains("<th>breached rule</th>", "<td><b>max-increase 5.00pp</b></td>", "<td><b>max-rate 10.00%</b></td>",
        "Against production", "class=\"margin\"", "BREACH: increase +22.22pp &gt; max +5.00pp",
        "max-rate 10.00% [BREACH]; max-increase 5.00pp [BREACH]");
    assertThat(md).contains("| rule | verdict |", "| **max\\-increase 5.00pp** | BREACH |");
    assertThat(ReleaseSummary.headline(gates)).isEqualTo("RELEASE ROLLBACK");
  }

  @Test
  void injected_markup_in_model_text_is_inert_in_the_html_summary() throws Exception {
    String html = ReleaseSummary.render(GateReport.readAll(RUNS));

    assertThat(html).doesNotContain("<script", "<img", "onerror=alert(2)>", "href=")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "[click me](javascript:alert(1))", "&lt;img src=x onerror=alert(2)&gt;")
        .contains("Content-Security-Policy");
  }

  @Test
  void injected_markup_in_model_text_is_inert_in_the_markdown_summary() throws Exception {
    String md = ReleaseSummaryMarkdown.render(GateReport.readAll(RUNS));

    assertThat(md).contains("## Release summary: **HOLD**", "trust\\-and\\-safety")
        .doesNotContain("<script", "<img", "](javascript")
        .contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", "\\[click me\\]\\(javascript:alert\\(1\\)\\)");
  }

  @Test
  void main_writes_both_files_and_ends_with_the_decision_tables(@TempDir Path out) throws Exception {
    ReportsMain.main(new String[] {"--runs", RUNS.toString(), "--out", out.toString()});

    assertThat(out.resolve("release-summary/summary.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("release-summary/summary.md"))).contains("HOLD");
  }

  @Test
  void missing_runs_folder_says_how_to_produce_it(@TempDir Path out) {
    assertThatThrownBy(() -> GateReport.readAll(out.resolve("nothing")))
        .hasMessageContaining("run the gates first").hasMessageContaining("nothing");
  }

  @Test
  void rejects_unknown_arguments_naming_the_valid_ones() {
    assertThatThrownBy(() -> ReportsMain.parse(new String[] {"--rusn", "x"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--runs");
  }

}
