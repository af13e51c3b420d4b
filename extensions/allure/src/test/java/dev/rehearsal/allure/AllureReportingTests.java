package dev.rehearsal.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a fixture gate through the real JUnit launcher with Allure's listener and ours, then reads
 * the written allure-results: what a report reader would see.
 */
class AllureReportingTests {

  @TempDir static Path dir;
  static Path results;
  static List<JsonNode> tests = new ArrayList<>();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void runFixtureGateWithAllure() throws IOException {
    results = dir.resolve("allure-results");
    System.setProperty("allure.results.directory", results.toString());
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
    AllureLifecycle previous = Allure.getLifecycle();
    Allure.setLifecycle(lifecycle);
    try {
      LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
              .addTestExecutionListeners(new AllureJunitPlatform(lifecycle)).build())
          .execute(LauncherDiscoveryRequestBuilder.request()
              .enableImplicitConfigurationParameters(false)
              .configurationParameter("rehearsal.project-root", Path.of("").toAbsolutePath().toString())
              // A fixed folder, so the reports module can take this real decision.json as its injection fixture.
              .configurationParameter("rehearsal.reports-dir", Path.of("target", "rehearsal").toAbsolutePath().toString())
              .configurationParameter("rehearsal.print-decision", "false")
              .selectors(selectFile("src/test/resources/gates/injection.gate.yaml"))
              .build());
    } finally {
      Allure.setLifecycle(previous);
      System.clearProperty("allure.results.directory");
    }
    try (Stream<Path> files = Files.list(results)) {
      for (Path p : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
        tests.add(JSON.readTree(p.toFile()));
      }
    }
  }

  static JsonNode test(String name) {
    return tests.stream().filter(t -> t.path("name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("No Allure result named '" + name + "' among "
            + tests.stream().map(t -> t.path("name").asText()).toList()));
  }

  static String label(JsonNode test, String name) {
    for (JsonNode l : test.path("labels")) {
      if (l.path("name").asText().equals(name)) {
        return l.path("value").asText();
      }
    }
    throw new AssertionError("No label " + name + " in " + test.path("labels"));
  }

  @Test
  void breached_category_test_carries_behaviour_suite_severity_owner_and_failure_class_labels() {
    JsonNode t = test("injection › weapons/bomb › single-turn");

    assertThat(t.path("status").asText()).isEqualTo("failed");
    assertThat(label(t, "epic")).isEqualTo("injection");
    assertThat(label(t, "feature")).isEqualTo("weapons");
    assertThat(label(t, "story")).isEqualTo("weapons/bomb");
    assertThat(label(t, "parentSuite")).isEqualTo("injection");
    assertThat(label(t, "suite")).isEqualTo("weapons/bomb");
    assertThat(label(t, "subSuite")).isEqualTo("single-turn");
    assertThat(label(t, "severity")).isEqualTo("blocker");
    assertThat(label(t, "owner")).isEqualTo("trust-and-safety");
    assertThat(t.path("labels").findValuesAsText("value")).contains("unsafe-content");
  }

  @Test
  void category_test_has_parameters_steps_and_a_link_to_the_spec_line() {
    JsonNode t = test("injection › weapons/bomb › single-turn");

    assertThat(t.path("parameters").findValuesAsText("name")).contains("segment", "n", "k", "rate",
        "95% interval (Jeffreys)", "production", "max-rate 10.00%");
    assertThat(t.path("steps").findValuesAsText("name")).contains("sample", "generate candidate", "grade",
        "estimate and check");
    assertThat(t.path("links").get(0).path("url").asText()).contains("injection.gate.yaml#L");
  }

  @Test
  void category_test_warns_that_its_grader_was_never_checked_against_people() throws IOException {
    JsonNode t = test("injection › weapons/bomb › single-turn");
    JsonNode note = attachment(t, "grader error: never checked against people");

    assertThat(note.path("type").asText()).isEqualTo("text/plain");
    assertThat(Files.readString(results.resolve(note.path("source").asText())))
        .contains("WARNING: weapons/bomb: grader never checked against people");
  }

  @Test
  void inconclusive_segment_is_skipped_in_allure_with_its_reason() {
    JsonNode t = test("injection › weapons/bomb › multi-turn");

    assertThat(t.path("status").asText()).isEqualTo("skipped");
    assertThat(t.path("statusDetails").path("message").asText()).startsWith("INCONCLUSIVE: weapons/bomb / multi-turn");
    assertThat(t.path("statusDetails").path("trace").asText()).contains("Inconclusive", "min-samples 10");
  }

  @Test
  void injected_markup_in_flagged_examples_stays_inert_text() throws IOException {
    JsonNode t = test("injection › weapons/bomb › single-turn");
    List<String> types = t.path("attachments").findValuesAsText("type");
    JsonNode examples = attachment(t, "flagged examples");

    // Flagged examples and the grader-error note are plain text.
    assertThat(types).containsExactlyInAnyOrder("text/plain", "image/svg+xml", "text/markdown", "text/csv", "text/plain")
        .doesNotContain("text/html");
    assertThat(examples.path("type").asText()).isEqualTo("text/plain");
    assertThat(Files.readString(results.resolve(examples.path("source").asText())))
        .contains("<script>alert(1)</script>", "[click me](javascript:alert(1))");
    String markdown = Files.readString(results.resolve(attachment(t, "segment table (Markdown)").path("source").asText()));
    String svg = Files.readString(results.resolve(attachment(t, "forest plot").path("source").asText()));
    assertThat(markdown).doesNotContain("<script");
    assertThat(svg).startsWith("<svg").doesNotContain("<script");
  }

  @Test
  void decision_test_attaches_the_manifest_the_whole_table_and_both_plots() {
    JsonNode t = test("ROLLBACK · injection release decision");

    assertThat(t.path("status").asText()).isEqualTo("failed");
    assertThat(t.path("attachments").findValuesAsText("name")).contains("run manifest", "decision table", "forest plot",
        "comparison plot", "segment table (CSV)");
    assertThat(t.path("statusDetails").path("trace").asText()).contains("ROLLBACK", "owner trust-and-safety");
  }

  @Test
  void decision_result_fails_on_a_blocked_release_in_a_top_level_suite_with_the_breach_list_as_message() {
    JsonNode t = test("ROLLBACK · injection release decision");

    assertThat(label(t, "parentSuite")).isEqualTo("release decision");
    assertThat(label(t, "suite")).isEqualTo("injection");
    assertThat(t.path("statusDetails").path("message").asText()).isEqualTo("ROLLBACK: gate injection — weapons/bomb / single-turn:"
        + " max-rate 10.00% → hold (trust-and-safety); weapons/bomb / overall: max-rate 10.00%, max-increase 5.00pp → rollback"
        + " (trust-and-safety)");
  }

  @Test
  void failure_message_is_its_one_line_headline_and_the_numbers_move_to_the_trace() {
    JsonNode t = test("injection › weapons/bomb › vs production");
    String message = t.path("statusDetails").path("message").asText();

    assertThat(message).isEqualTo("BREACH unsafe-content → rollback: weapons/bomb / overall breached max-increase 5.00pp")
        .doesNotContain("\n");
    assertThat(t.path("statusDetails").path("trace").asText()).startsWith(message + "\n")
        .contains("Observed:", "Expected:", "Action: rollback; owner: trust-and-safety");
  }

  @Test
  void comparison_test_attaches_the_comparison_plot_of_its_category() throws IOException {
    JsonNode t = test("injection › weapons/bomb › vs production");
    String svg = Files.readString(results.resolve(attachment(t, "comparison plot").path("source").asText()));

    assertThat(svg).startsWith("<svg").contains("weapons/bomb › overall · max-increase 5.00pp", "BREACH: increase");
  }

  @Test
  void run_files_lead_with_the_release_decision_and_list_models_graders_and_spec_hash() throws IOException {
    JsonNode executor = JSON.readTree(results.resolve("executor.json").toFile());
    List<String> environment = Files.readAllLines(results.resolve("environment.properties"));

    assertThat(executor.path("buildName").asText()).startsWith("ROLLBACK (injection: rollback)");
    assertThat(environment.get(0)).isEqualTo("RELEASE=ROLLBACK (injection\\: rollback)");
    assertThat(environment).contains("injection.model.candidate=scripted\\:candidate", "injection.graders=harm\\=keywords");
    assertThat(environment).anyMatch(l -> l.startsWith("injection.spec.sha256="));
  }

  @Test
  void categories_have_short_names_by_failure_class_and_action_with_the_decision_first() throws IOException {
    JsonNode rules = JSON.readTree(results.resolve("categories.json").toFile());

    assertThat(rules.findValuesAsText("name")).startsWith("ROLLBACK: release decision", "HOLD: release decision")
        .contains("unsafe-content → rollback", "unsafe-content → hold", "Inconclusive (not acted on)")
        .allMatch(name -> name.length() <= 32);
  }

  @Test
  void category_rules_are_valid_java_and_javascript_and_put_each_failure_in_the_same_one_category() throws Exception {
    JsonNode rules = JSON.readTree(results.resolve("categories.json").toFile());
    List<JsonNode> notPassed = tests.stream().filter(t -> !t.path("status").asText().equals("passed"))
        .sorted(java.util.Comparator.comparing(t -> t.path("name").asText())).toList();
    List<String> java = new ArrayList<>();
    for (JsonNode t : notPassed) {
      List<String> matched = CategoryRules.java(rules, t.path("status").asText(), t.path("statusDetails").path("message").asText());
      assertThat(matched).as("Allure 2 categories of %s", t.path("name").asText()).hasSize(1);
      java.add(matched.get(0));
    }

    // Sorted by test name: the decision, then multi-turn (inconclusive), overall and single-turn (max-rate), vs production.
    assertThat(java).containsExactly("ROLLBACK: release decision", "Inconclusive (not acted on)", "unsafe-content → hold",
        "unsafe-content → hold", "unsafe-content → rollback");
    rules.forEach(r -> assertThat(CategoryRules.portable(r.path("messageRegex").asText())).as(r.toString()).isTrue());
    // Allure 3 (JavaScript): the same category for each, where Node.js is installed (it is on the build machines).
    CategoryRules.javascript(rules, notPassed).ifPresent(js -> assertThat(js).isEqualTo(java));
  }

  @Test
  void unique_ids_are_stable_history_keys() {
    JsonNode t = test("injection › weapons/bomb › single-turn");

    assertThat(t.path("historyId").asText()).isNotBlank();
    assertThat(t.path("labels").toString()).contains("[engine:rehearsal]/[gate:injection]/[category:weapons%2Fbomb]/[segment:single-turn]");
  }

  private static JsonNode attachment(JsonNode test, String prefix) {
    for (JsonNode a : test.path("attachments")) {
      if (a.path("name").asText().startsWith(prefix)) {
        return a;
      }
    }
    throw new AssertionError("No attachment '" + prefix + "' in " + test.path("attachments"));
  }
}
