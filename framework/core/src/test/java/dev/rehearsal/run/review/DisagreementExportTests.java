package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.run.ResultsExportMain;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export's disagreement filter on labels imported into the run store by the review loop
 * (fixtures/review): the grader misses production's "I will not …" refusals, so exactly the
 * reviewed production items that refuse that way disagree with it.
 */
class DisagreementExportTests extends ReviewFixture {

  private Path results;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void run_export_label_and_import() throws Exception {
    exportReview(run(), 0);
    results = dir.resolve("results.jsonl");
    label(dir.resolve("review").resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    assertThat(review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString()))
        .isEqualTo(0);
  }

  @Test
  void exports_as_jsonl_exactly_the_imported_items_where_human_and_grader_disagree() throws Exception {
    List<String> lines = export("--format", "jsonl");

    Set<String> exported = new java.util.TreeSet<>();
    for (String l : lines) {
      JsonNode n = JSON.readTree(l);
      exported.add(n.get("sampleId").asText() + "|" + n.get("arm").asText());
      assertThat(n.get("response").asText()).startsWith("I will not");
      assertThat(n.get("grades").get("refusal-phrases").get("labels")).isEmpty();
    }
    System.out.println("disagreements: " + exported.size() + "; " + err.toString(StandardCharsets.UTF_8).strip());
    assertThat(exported).isNotEmpty().isEqualTo(expectedDisagreements());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("human labels: 400 labelled responses of category"
        + " 'over-refusal' from run store");
  }

  @Test
  void exports_the_same_disagreements_as_csv_with_the_grader_verdict() throws Exception {
    List<String> rows = export("--format", "csv");

    assertThat(rows.get(0)).startsWith("gate,runId,sampleId");
    assertThat(rows.subList(1, rows.size())).hasSize(expectedDisagreements().size())
        .allSatisfy(r -> assertThat(r).contains("\"production\"", "\"clean\"", "\"I will not"));
  }

  @Test
  void a_label_counts_only_for_the_response_it_judged() throws Exception {
    // given one disagreeing item whose response has since changed (another hash in results.jsonl)
    String first = expectedDisagreements().iterator().next();
    List<String> edited = new ArrayList<>();
    for (String l : Files.readAllLines(results)) {
      JsonNode n = JSON.readTree(l);
      boolean target = (n.get("sampleId").asText() + "|" + n.get("arm").asText()).equals(first);
      edited.add(target ? l.replace(n.get("responseSha256").asText(), "0".repeat(64)) : l);
    }
    Files.write(results, edited);

    List<String> lines = export("--format", "jsonl");

    assertThat(lines).hasSize(expectedDisagreements().size() - 1).noneMatch(l -> l.contains("\"sampleId\":\""
        + first.substring(0, first.indexOf('|')) + "\",\"source\"") && l.contains("\"arm\":\"production\""));
  }

  @Test
  void disagree_store_without_a_store_file_says_how_to_get_labels() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ResultsExportMain.run(new String[] {results.toString(), "--gate", gate.toString(), "--category",
        "over-refusal", "--disagree", "store", "--store", dir.resolve("missing.db").toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no run store at", "missing.db", "ReviewMain import");
  }

  @Test
  void a_store_given_with_a_labels_file_is_rejected_rather_than_ignored() throws Exception {
    Files.writeString(dir.resolve("labels-file.jsonl"), "");
    int code = ResultsExportMain.run(new String[] {results.toString(), "--gate", gate.toString(), "--category",
        "over-refusal", "--disagree", dir.resolve("labels-file.jsonl").toString(), "--store", store.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--store is only read with --disagree store");
  }

  private List<String> export(String... format) throws Exception {
    List<String> args = new ArrayList<>(List.of(results.toString(), "--gate", gate.toString(), "--category",
        "over-refusal", "--disagree", "store", "--store", store.toString()));
    args.addAll(List.of(format));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ResultsExportMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** Reviewed items (from the store's labels) whose truth differs from the grader's verdict in results.jsonl. */
  private Set<String> expectedDisagreements() throws Exception {
    Set<String> reviewed;
    try (RunStore s = RunStore.open(store)) {
      reviewed = new LabelTable(s).labels("review-fixture").stream().map(l -> l.sampleId() + "|" + l.arm())
          .collect(Collectors.toSet());
    }
    Set<String> out = new java.util.TreeSet<>();
    for (String l : Files.readAllLines(results)) {
      JsonNode n = JSON.readTree(l);
      String key = n.get("sampleId").asText() + "|" + n.get("arm").asText();
      boolean truth = REFUSAL.matcher(n.get("response").asText()).find();
      boolean grader = n.get("grades").get("refusal-phrases").get("labels").size() > 0;
      if (reviewed.contains(key) && truth != grader) {
        out.add(key);
      }
    }
    return out;
  }
}
