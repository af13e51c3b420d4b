package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.run.CategoryGrading;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Importing labels in every supported shape, with bad lines and several reviewers. */
class LabelImportTests extends ReviewFixture {

  @Test
  void label_studio_export_with_two_reviewers_reports_cohens_kappa_and_unblinds_every_label() throws Exception {
    Path out = exportReview(run(), 0);
    ArrayNode tasks = (ArrayNode) JSON.readTree(out.resolve(ReviewFiles.LABEL_STUDIO).toFile());
    int i = 0;
    for (JsonNode task : tasks) {
      boolean refused = REFUSAL.matcher(task.get("data").get("response").asText()).find();
      ArrayNode annotations = ((ObjectNode) task).putArray("annotations");
      annotate(annotations, 1, refused);
      // The second reviewer flips every tenth answer.
      annotate(annotations, 2, i++ % 10 == 0 != refused);
    }
    Path export = dir.resolve("project-1-at-2026-12-06.json");
    JSON.writeValue(export.toFile(), tasks);

    String printed = reviewOut("import", gate.toString(), export.toString(), "--store", store.toString());

    assertThat(printed).contains("imported 800 labels").contains("over-refusal: 800 labels (candidate 400, production 400)")
        .contains("agreement: Cohen's kappa");
    try (RunStore s = RunStore.open(store)) {
      List<LabelRow> labels = new LabelTable(s).labels("review-fixture");
      assertThat(labels).extracting(LabelRow::reviewer).containsOnly("label-studio-user-1", "label-studio-user-2");
      assertThat(labels).extracting(LabelRow::arm).containsOnly("candidate", "production");
    }
    CategoryGrading g = run().categories().get("over-refusal").grading();
    assertThat(g.agreement()).hasValueSatisfying(a -> assertThat(a).startsWith("Cohen's kappa 0."));
  }

  @Test
  void bad_csv_lines_are_reported_with_file_and_line_counted_and_the_rest_imported() throws Exception {
    Path out = exportReview(run(), 0);
    List<String> rows = new ArrayList<>();
    rows.add("item,label,reviewer");
    List<String> exported = Files.readAllLines(out.resolve(ReviewFiles.JSONL));
    for (int i = 0; i < 10; i++) {
      rows.add(JSON.readTree(exported.get(i)).get("item").asText() + "," + (i == 3 ? "maybe" : "no") + ",bob");
    }
    rows.add("r0000000000000000,yes,bob");
    Path csv = dir.resolve("labels.csv");
    Files.write(csv, rows);

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReviewMain.run(dir, new String[] {"import", gate.toString(), csv.toString(), "--store", store.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(csv + ":5: label 'maybe' is not yes or no")
        .contains(csv + ":12: unknown review item 'r0000000000000000' for gate 'review-fixture'");
    try (RunStore s = RunStore.open(store)) {
      assertThat(new LabelTable(s).labels("review-fixture")).hasSize(9);
    }
  }

  @Test
  void labels_without_reviewer_need_the_reviewer_option() throws Exception {
    Path out = exportReview(run(), 0);
    Path labels = dir.resolve("labels.jsonl");
    String item = JSON.readTree(Files.readAllLines(out.resolve(ReviewFiles.JSONL)).get(0)).get("item").asText();
    Files.writeString(labels, "{\"item\":\"" + item + "\",\"label\":\"yes\"}\n");

    assertThat(reviewOut("import", gate.toString(), labels.toString(), "--store", store.toString()))
        .contains(labels + ":1: no reviewer");
    assertThat(reviewOut("import", gate.toString(), labels.toString(), "--store", store.toString(), "--reviewer", "carol"))
        .contains("imported 1 labels");
  }

  private static void annotate(ArrayNode annotations, int user, boolean yes) {
    ObjectNode a = annotations.addObject().put("id", annotations.size()).put("completed_by", user)
        .put("was_cancelled", false).put("created_at", "2026-12-06T01:00:00.000000Z");
    ObjectNode r = a.putArray("result").addObject().put("from_name", "label").put("to_name", "response")
        .put("type", "choices");
    r.putObject("value").putArray("choices").add(yes ? "yes" : "no");
  }

  String reviewOut(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReviewMain.run(dir, args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
        StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

}
