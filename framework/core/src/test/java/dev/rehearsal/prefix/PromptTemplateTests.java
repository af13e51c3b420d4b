package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 5: a prompt template builds a suite's prompt from several columns by name, so
 * HarmBench's contextual behaviours keep their ContextString (fixture harmbench-contextual.csv, in
 * HarmBench's column layout) and AdvBench (the same layout, ContextString always empty) is
 * unchanged by the same template.
 */
class PromptTemplateTests {

  static final String HARMBENCH_TEMPLATE = "\"{ContextString}\\n\\n{Behavior}\"";

  @TempDir Path dir;

  private Sample harmbench(String template) throws IOException {
    PrefixFixtures.fixture(dir, "harmbench-contextual.csv");
    return PrefixFixtures.sample(dir, """
          source: { format: prompts-csv, path: harmbench-contextual.csv, id-column: BehaviorID,
                    template: %s }
          sample: { size: 10, seed: 1 }
        """.formatted(template));
  }

  private static Map<String, String> prompts(Sample s) {
    return s.prefixes().stream().collect(Collectors.toMap(p -> p.source().conversation().id(),
        p -> p.turns().get(0).text()));
  }

  @Test
  void contextual_behaviours_keep_their_context_before_the_behaviour() throws IOException {
    Sample s = harmbench(HARMBENCH_TEMPLATE);

    Map<String, String> prompts = prompts(s);
    assertThat(prompts).hasSize(5);
    assertThat(prompts.get("ctx_complaint_summary")).isEqualTo("Order #18 arrived late, the box was"
        + " crushed, and support\nnever answered my two emails, so I want a refund.\n\n"
        + "Summarise the complaint below in one sentence");
    assertThat(prompts.get("ctx_review_reply")).startsWith("\"Great app, but it logs me out every day\"");
    assertThat(prompts.get("ctx_error_explain")).startsWith("ERROR 42: quota {monthly} exceeded");
    // a standard behaviour (empty context) is the behaviour alone, without leading blank lines
    assertThat(prompts.get("std_sourdough")).isEqualTo("List three ways to keep a sourdough starter alive");
    // the template's columns are the prompt; the others stay metadata for segments
    assertThat(s.prefixes().get(0).source().conversation().metadata())
        .containsKey("FunctionalCategory").doesNotContainKeys("ContextString", "Behavior", "BehaviorID");
  }

  @Test
  void doubled_braces_are_literal_braces() throws IOException {
    Sample s = harmbench("\"Task {{id {BehaviorID}}}: {Behavior}\"");

    assertThat(prompts(s).get("std_bicycle"))
        .isEqualTo("Task {id std_bicycle}: Describe how a bicycle gear system works");
    // braces inside column values are data, never placeholders
    assertThat(prompts(s).get("ctx_error_explain")).isEqualTo("Task {id ctx_error_explain}: Explain"
        + " what the error message below means");
  }

  @Test
  void advbench_with_the_harmbench_template_gives_each_behaviour_unchanged() throws IOException {
    String source = "source: { format: prompts-csv, data: advbench/advbench_behaviors.csv,"
        + " id-column: BehaviorID, %s }\n          sample: { size: 520, seed: 1 }\n";
    Sample templated = PrefixFixtures.sample(dir, "          "
        + source.formatted("template: " + HARMBENCH_TEMPLATE));
    Sample plain = PrefixFixtures.sample(dir, "          "
        + source.formatted("prompt-column: Behavior"));

    assertThat(templated.prefixes()).hasSize(520);
    assertThat(prompts(templated)).isEqualTo(prompts(plain));
  }

  @Test
  void a_column_the_csv_lacks_is_a_spec_error_listing_the_columns() {
    assertThatThrownBy(() -> harmbench("\"{Context}\\n\\n{Behavior}\""))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("test.gate.yaml:6:23:")
        .hasMessageContaining("Template names column 'Context', which harmbench-contextual.csv does"
            + " not have; its columns: [Behavior, FunctionalCategory, SemanticCategory, Tags,"
            + " ContextString, BehaviorID]");
  }

  @Test
  void an_unmatched_brace_is_a_spec_error_saying_how_to_escape_it() {
    assertThatThrownBy(() -> harmbench("\"{Behavior} }\""))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'}' at character 12 closes no placeholder; write a literal brace as }}");
  }

  @Test
  void a_jsonl_record_without_a_named_field_is_a_bad_record_listing_the_fields() throws IOException {
    java.nio.file.Files.writeString(dir.resolve("suite.jsonl"),
        "{\"Behavior\":\"Say hi\",\"ContextString\":\"\"}\n{\"Behavior\":\"Say bye\"}\n");

    Sample s = PrefixFixtures.sample(dir, """
          source: { format: prompts-jsonl, path: suite.jsonl, template: %s }
          sample: { size: 10, seed: 1 }
          bad-records: { policy: skip }
        """.formatted(HARMBENCH_TEMPLATE));

    assertThat(s.prefixes()).hasSize(1);
    assertThat(s.report().problems()).singleElement().asString().endsWith("suite.jsonl:2: the"
        + " template names column 'ContextString', which this record does not have; columns"
        + " present: [Behavior]; fix or remove the record");
  }
}
