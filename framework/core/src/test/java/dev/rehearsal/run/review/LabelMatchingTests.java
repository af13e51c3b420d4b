package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.grade.calibration.AgreementTable;
import dev.rehearsal.grade.calibration.CalibrationReport;
import dev.rehearsal.grade.calibration.CalibrationStore;
import dev.rehearsal.run.CategoryGrading;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.stats.CorrectedEstimate;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Labels and calibrations that must not correct a rate are left out with a warning, never silently:
 * labels made under another grader fingerprint beside current ones, labels of responses the run did
 * not produce, and a calibration of another fingerprint (fixtures/review).
 */
class LabelMatchingTests extends ReviewFixture {

  @Test
  void stale_labels_beside_current_ones_are_ignored_with_a_warning() throws Exception {
    labelAndImport();
    CorrectedEstimate before = run().categories().get("over-refusal").grading().candidate().orElseThrow();
    // given a second reviewer who contradicts every label, but judged another fingerprint of the grader
    try (RunStore s = RunStore.open(store)) {
      LabelTable table = new LabelTable(s);
      for (LabelRow l : table.labels("review-fixture")) {
        table.put(new LabelRow(l.gate(), l.category(), l.sampleId(), l.arm(), l.responseSha256(), !l.positive(), "bob",
            l.labelledAt(), "f".repeat(64), l.inclusionProbability()));
      }
    }

    GateRun run = run();

    CategoryGrading g = run.categories().get("over-refusal").grading();
    assertThat(g.staleLabels()).isEqualTo(400);
    // Used, bob's contradicting labels would tie every item, and a tie counts as positive.
    assertThat(g.candidate().orElseThrow()).isEqualTo(before);
    assertThat(run.warnings()).anyMatch(w -> w.contains("over-refusal: labels stale: fingerprint changed (400 labels")
        && w.endsWith("they are not used; 400 current labels are used"));
  }

  @Test
  void labels_of_responses_the_run_did_not_produce_are_ignored_with_a_warning() throws Exception {
    labelAndImport();
    // given a candidate that now words its refusal differently: its labelled refusals are other responses
    Files.writeString(gate, Files.readString(gate).replace("reply: \"I can't help with that.\"",
        "reply: \"I can't help with that, sorry.\""));

    GateRun run = run();

    CategoryGrading g = run.categories().get("over-refusal").grading();
    int unmatched = 200 - g.candidateLabels();
    assertThat(unmatched).isPositive();
    assertThat(g.productionLabels()).isEqualTo(200);
    assertThat(run.warnings()).anyMatch(w -> w.equals("grading: over-refusal: " + unmatched + " labels judge responses"
        + " this run did not produce (candidate " + unmatched + ", production 0; the arm answered differently or the"
        + " sample was not drawn); they are not used"));
  }

  @Test
  void a_calibration_made_under_another_fingerprint_is_ignored_with_a_warning() throws Exception {
    // given a calibration file whose entry for the grader judged an older version of it
    CalibrationStore.write(gate, new CalibrationReport("refusal-phrases", "0".repeat(64), "refused", "gold fixture",
        new AgreementTable(25, 0, 75, 200), 0, 0.95));

    GateRun run = run();

    CategoryGrading g = run.categories().get("over-refusal").grading();
    assertThat(g.source()).isEqualTo("none");
    assertThat(run.warnings()).anyMatch(w -> w.startsWith("grading: over-refusal: calibration stale:"
        + " review.gate.calibration.json calibrated grader 'refusal-phrases' under fingerprint 000000000000…")
        && w.endsWith("it is not used. Calibrate the grader again"));
  }

  private void labelAndImport() throws Exception {
    exportReview(run(), 0);
    label(dir.resolve("review").resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    assertThat(review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString()))
        .isEqualTo(0);
  }
}
