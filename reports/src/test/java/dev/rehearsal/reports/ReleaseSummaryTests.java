package dev.rehearsal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
