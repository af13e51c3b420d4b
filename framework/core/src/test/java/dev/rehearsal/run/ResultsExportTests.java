package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export command on the results of the committed fixture gate {@code fixtures/examples}. */
class ResultsExportTests {

  @TempDir Path dir;
  private Path results;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void run_gate() throws IOException {
    results = RunReports.write(ExampleCountsTests.run(ExampleCountsTests.FIXTURE), dir).resolve("results.jsonl");
  }

  private List<String> export(String... args) throws IOException {
    int code = ResultsExportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void filters_by_category_segment_arm_and_verdict() throws IOException {
    List<String> lines = export(results.toString(), "--gate", ExampleCountsTests.FIXTURE.toString(), "--category",
        "over-refusal", "--segment", "tier-k5", "--arm", "candidate", "--verdict", "flagged");

    assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"segment\":\"tier-k5\"", "\"arm\":\"candidate\"",
        "\"labels\":[\"refusal\"]"));
  }

  @Test
  void keeps_only_items_whose_human_label_disagrees_with_the_grader() throws IOException {
    // c200 (segment k5, risky) is flagged in both arms; a human says the candidate's refusal was right (0 = not
    // over-refusal) and agrees on production.
    Path labels = dir.resolve("labels.jsonl");
    Files.writeString(labels, """
        {"sampleId":"c200#u0","arm":"candidate","category":"over-refusal","label":0}
        {"sampleId":"c200#u0","arm":"production","category":"over-refusal","label":1}
        """);

    List<String> lines = export(results.toString(), "--gate", ExampleCountsTests.FIXTURE.toString(), "--category",
        "over-refusal", "--disagree", labels.toString());

    assertThat(lines).singleElement().asString().contains("\"sampleId\":\"c200#u0\"", "\"arm\":\"candidate\"");
  }

  @Test
  void csv_quotes_every_cell_and_defuses_formulas() throws IOException {
    Path hostile = dir.resolve("hostile.jsonl");
    Files.writeString(hostile, "{\"gate\":\"g\",\"runId\":\"r\",\"sampleId\":\"s1\",\"source\":\"log.jsonl:1\","
        + "\"segment\":\"a\",\"weight\":1.0,\"arm\":\"candidate\",\"armDescription\":\"model:c\","
        + "\"response\":\"=HYPERLINK(\\\"http://127.0.0.1\\\",\\\"y\\\")\",\"responseSha256\":\"ab\",\"error\":null,\"grades\":{}}\n");

    List<String> lines = export(hostile.toString(), "--format", "csv");

    assertThat(lines.get(0)).startsWith("gate,runId,sampleId");
    assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://127.0.0.1\"\",\"\"y\"\")\",").contains("\"clean\"");
  }

  @Test
  void rejects_an_unknown_verdict_with_the_allowed_values() throws IOException {
    int code = ResultsExportMain.run(new String[] {results.toString(), "--verdict", "bad"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--verdict must be flagged, clean or error, was 'bad'");
  }
}
