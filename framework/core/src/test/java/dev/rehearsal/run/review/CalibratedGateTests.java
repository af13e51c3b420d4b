package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.grade.calibration.AgreementTable;
import dev.rehearsal.grade.calibration.CalibrationReport;
import dev.rehearsal.grade.calibration.CalibrationStore;
import dev.rehearsal.run.CategoryGrading;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.Action;
import dev.rehearsal.stats.CorrectedEstimate;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Gates without human labels: the calibration file, and require-calibration. */
class CalibratedGateTests extends ReviewFixture {

  /**
   * The calibration command's file (sensitivity 25/100, specificity 200/200) corrects both arms by
   * Rogan–Gladen: production 30/600 = 5% reads as 5%/0.25 = 20%, its truth. One calibration for
   * both arms cannot fix an arm-dependent error: the candidate's 15% (caught fully) reads as 60%.
   */
  @Test
  void rogan_gladen_from_the_calibration_file_when_there_are_no_labels() throws Exception {
    String fingerprint = run().fingerprints().get("refusal-phrases");
    CalibrationStore.write(gate, new CalibrationReport("refusal-phrases", fingerprint, "refused", "gold fixture",
        new AgreementTable(25, 0, 75, 200), 0, 0.95));

    GateRun run = run();

    CategoryGrading g = run.categories().get("over-refusal").grading();
    assertThat(g.source()).isEqualTo("calibration");
    CorrectedEstimate production = g.production().orElseThrow();
    assertThat(production.rate()).isCloseTo(0.20, within(1e-12));
    assertThat(production.method()).isEqualTo("Rogan-Gladen");
    assertThat(production.graderError()).isGreaterThan(production.samplingError());
    assertThat(g.candidate().orElseThrow().rate()).isCloseTo(0.60, within(1e-12));
    assertThat(run.warnings()).noneMatch(w -> w.contains("never checked against people"));
  }

  @Test
  void require_calibration_turns_the_unchecked_grader_warning_into_a_failed_health_check() throws Exception {
    Files.writeString(gate, Files.readString(gate).replace("owner: product\nprefixes:",
        "owner: product\ngrading: { require-calibration: true }\nprefixes:"));

    GateRun run = run();

    assertThat(run.health().problems()).anyMatch(p -> p.startsWith("over-refusal: grader 'refusal-phrases' never"
        + " checked against people") && p.contains("grading.require-calibration is true"));
    assertThat(run.decision().action()).isEqualTo(Action.NARROW_ROLLOUT.max(Action.HOLD));
  }

  @Test
  void estimate_raw_keeps_deciding_on_raw_rates_but_still_reports_the_corrected_ones() throws Exception {
    exportAndLabel();
    Files.writeString(gate, Files.readString(gate).replace("owner: product\nprefixes:",
        "owner: product\ngrading: { estimate: raw }\nprefixes:"));

    GateRun run = run();

    CategoryGrading g = run.categories().get("over-refusal").grading();
    assertThat(g.decidesOn()).isEqualTo("raw");
    assertThat(g.production()).isPresent();
    assertThat(increase(run).breached()).isTrue();
  }

  private void exportAndLabel() throws Exception {
    var out = exportReview(run(), 0);
    label(out.resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString());
  }
}
