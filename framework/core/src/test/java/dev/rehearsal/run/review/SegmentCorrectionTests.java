package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.grade.calibration.AgreementTable;
import dev.rehearsal.grade.calibration.CalibrationReport;
import dev.rehearsal.grade.calibration.CalibrationStore;
import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.spec.ThresholdKind;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-segment checks decided on corrected rates from the labels of each segment's own items, on
 * the committed fixture gate fixtures/review-segments (truth and grader error per tier in its
 * header): web breaches on raw rates only through grader error; tiny gets too few labels.
 */
class SegmentCorrectionTests extends ReviewFixture {

  @Override
  String fixture() {
    return "review-segments";
  }

  @Test
  void a_segment_comparison_breached_by_grader_error_passes_on_rates_corrected_with_that_segments_labels()
      throws Exception {
    GateRun raw = run();
    CheckResult rawWeb = check(raw, "tier-web", ThresholdKind.MAX_INCREASE);
    assertThat(rawWeb.breached()).as(rawWeb.observed()).isTrue();
    labelAndImport(raw);

    GateRun corrected = run();

    CheckResult web = check(corrected, "tier-web", ThresholdKind.MAX_INCREASE);
    System.out.println("raw web:       " + rawWeb.observed());
    System.out.println("corrected web: " + web.observed());
    assertThat(web.method()).isEqualTo("difference of corrected rates");
    assertThat(web.breached()).as(web.observed()).isFalse();
    // The segment's own labels, not the category's 200 per arm, are behind its correction.
    Map<String, Integer> inWeb = labelsIn("tier-web");
    assertThat(inWeb.get("candidate")).isBetween(30, 199);
    assertThat(web.observed()).contains("(" + inWeb.get("candidate") + " labels)", "(" + inWeb.get("production")
        + " labels)");
    assertThat(check(corrected, "tier-api", ThresholdKind.MAX_INCREASE).method())
        .isEqualTo("difference of corrected rates");
    // The table's segment rows show raw counts; a line below says what decided.
    assertThat(DecisionTable.render(corrected)).contains("over-refusal / tier-web (max-increase): pass on corrected"
        + " rates: difference ");
  }

  @Test
  void a_segment_with_too_few_labels_says_so_in_its_check_and_decides_on_raw_rates() throws Exception {
    labelAndImport(run());

    GateRun run = run();

    CheckResult tiny = check(run, "tier-tiny", ThresholdKind.MAX_RATE);
    Map<String, Integer> inTiny = labelsIn("tier-tiny");
    assertThat(tiny.observed()).startsWith("not corrected: too few current human labels in segment 'tier-tiny' to correct"
        + " for grader error: candidate " + inTiny.get("candidate") + ", production " + inTiny.get("production")
        + " of min-labels 30 per arm; raw rates decide: candidate 3/30");
    assertThat(tiny.method()).startsWith("Clopper-Pearson upper bound");
    assertThat(tiny.breached()).isFalse();
    assertThat(run.warnings()).anyMatch(w -> w.contains("over-refusal: too few current human labels to correct"
        + " segment(s) tier-tiny (candidate " + inTiny.get("candidate") + ", production " + inTiny.get("production") + ")")
        && w.endsWith("checks there that need an arm with too few labels decide on raw rates"));
  }

  @Test
  void require_calibration_fails_a_segment_check_closed_when_the_segment_has_too_few_labels() throws Exception {
    labelAndImport(run());
    Files.writeString(gate, Files.readString(gate).replace("owner: product\nprefixes:",
        "owner: product\ngrading: { require-calibration: true }\nprefixes:"));

    GateRun run = run();

    // The raw max-rate check of tiny passes (3/30, upper bound below 30%); correction is required and impossible.
    CheckResult tiny = check(run, "tier-tiny", ThresholdKind.MAX_RATE);
    assertThat(tiny.breached()).isTrue();
    assertThat(tiny.method()).isEqualTo("grader-error correction required (grading.require-calibration)");
    assertThat(tiny.observed()).contains("too few current human labels in segment 'tier-tiny'",
        "fails closed instead of deciding on raw rates (raw: candidate 3/30");
    assertThat(check(run, "tier-web", ThresholdKind.MAX_RATE).method()).startsWith("corrected upper bound (PPI++");
    assertThat(run.decision().breaches()).contains(tiny);
  }

  /**
   * A calibration describes the grader, not a segment, so every segment is corrected by Rogan–Gladen
   * on its own counts: web production 15/300 flagged with sensitivity 25/100 and specificity 200/200
   * reads 5% / 0.25 = 20%, its truth.
   */
  @Test
  void a_calibration_file_corrects_every_segment_by_rogan_gladen_on_its_own_counts() throws Exception {
    String fingerprint = run().fingerprints().get("refusal-phrases");
    CalibrationStore.write(gate, new CalibrationReport("refusal-phrases", fingerprint, "refused", "gold fixture",
        new AgreementTable(25, 0, 75, 200), 0, 0.95));

    GateRun run = run();

    CheckResult web = check(run, "tier-web", ThresholdKind.MAX_INCREASE);
    assertThat(web.observed()).contains("production corrected 20.00% by Rogan-Gladen (raw 15/300",
        "(300 calibration items)");
    assertThat(check(run, "tier-tiny", ThresholdKind.MAX_INCREASE).observed()).contains("production corrected 0.00% by Rogan-Gladen (raw 0/30");
    assertThat(run.warnings()).noneMatch(w -> w.contains("too few current human labels to correct segment"));
  }

  private void labelAndImport(GateRun run) throws Exception {
    exportReview(run, 0);
    label(dir.resolve("review").resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    assertThat(review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString()))
        .isEqualTo(0);
  }

  /** Imported labels per arm whose sample lies in {@code segment} (from results.jsonl's segment column). */
  private Map<String, Integer> labelsIn(String segment) throws Exception {
    Map<String, String> segmentOf = new HashMap<>();
    for (String l : Files.readAllLines(dir.resolve("results.jsonl"))) {
      JsonNode n = JSON.readTree(l);
      segmentOf.put(n.get("sampleId").asText(), n.get("segment").asText());
    }
    Map<String, Integer> out = new HashMap<>(Map.of("candidate", 0, "production", 0));
    try (RunStore s = RunStore.open(store)) {
      new LabelTable(s).labels("review-segments").stream().filter(l -> segment.equals(segmentOf.get(l.sampleId())))
          .forEach(l -> out.merge(l.arm(), 1, Integer::sum));
    }
    return out;
  }

  private static CheckResult check(GateRun run, String segment, ThresholdKind kind) {
    return run.categories().get("over-refusal").checks(segment).stream().filter(c -> c.threshold().kind() == kind)
        .findFirst().orElseThrow();
  }
}
