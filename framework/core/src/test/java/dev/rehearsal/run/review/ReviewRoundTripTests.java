package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.run.CategoryGrading;
import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review loop end to end on the committed fixture gate (fixtures/review): run, export a blinded
 * review sample, label it (this test is the reviewer: it knows which responses refuse), import,
 * rerun. Truth: candidate refuses 15%, production 20%; the grader misses three quarters of
 * production's refusals, so raw rates (15% vs 5%) breach max-increase.
 */
class ReviewRoundTripTests extends ReviewFixture {

  @Test
  void raw_decision_breaches_and_corrected_decision_ships_after_200_labels_per_arm() throws Exception {
    GateRun raw = run();
    CheckResult rawIncrease = increase(raw);
    assertThat(rawIncrease.breached()).as(rawIncrease.observed()).isTrue();
    assertThat(raw.decision().action()).isEqualTo(Action.NARROW_ROLLOUT);
    assertThat(raw.warnings()).anyMatch(w -> w.contains("over-refusal: grader never checked against people"));

    Path out = exportReview(raw, 0);
    label(out.resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    assertThat(review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString()))
        .isEqualTo(0);

    GateRun corrected = run();
    CategoryGrading g = corrected.categories().get("over-refusal").grading();
    System.out.println("raw:       " + rawIncrease.observed());
    System.out.println("corrected: " + increase(corrected).observed());
    assertThat(g.source()).isEqualTo("human labels");
    assertThat(g.candidateLabels()).isEqualTo(200);
    assertThat(g.productionLabels()).isEqualTo(200);
    assertThat(g.production().orElseThrow().covers(0.20)).isTrue();
    assertThat(g.candidate().orElseThrow().covers(0.15)).isTrue();
    assertThat(increase(corrected).breached()).as(increase(corrected).observed()).isFalse();
    assertThat(corrected.decision().action()).isEqualTo(Action.SHIP);
    assertThat(DecisionTable.render(corrected)).contains("over-refusal / overall (production): corrected 19.22% [", "thresholds decide on corrected");
  }

  @Test
  void a_changed_grader_fingerprint_makes_the_labels_stale_with_a_warning() throws Exception {
    Path out = exportReview(run(), 0);
    label(out.resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString());
    Files.writeString(gate, Files.readString(gate).replace("[\"(?i)\\\\bI can't\\\\b\"]",
        "[\"(?i)\\\\bI can't\\\\b\", \"(?i)\\\\bcannot\\\\b\"]"));

    GateRun rerun = run();

    CategoryGrading g = rerun.categories().get("over-refusal").grading();
    assertThat(g.staleLabels()).isEqualTo(400);
    assertThat(g.source()).isEqualTo("none");
    assertThat(rerun.warnings()).anyMatch(w -> w.contains("over-refusal: labels stale: fingerprint changed"));
    assertThat(DecisionTable.render(rerun)).contains("WARNING (grading): over-refusal: labels stale: fingerprint changed");
    assertThat(increase(rerun).breached()).isTrue();
  }

  @Test
  void export_blinds_the_arms_and_records_inclusion_probabilities_of_oversampled_positives() throws Exception {
    Path out = exportReview(run(), 0.5);

    List<String> lines = Files.readAllLines(out.resolve(ReviewFiles.JSONL));
    assertThat(lines).hasSize(400);
    for (String file : List.of(ReviewFiles.JSONL, ReviewFiles.CSV, ReviewFiles.LABEL_STUDIO)) {
      assertThat(Files.readString(out.resolve(file))).doesNotContain("candidate", "production", "\"arm\"");
    }
    JsonNode tasks = JSON.readTree(out.resolve(ReviewFiles.LABEL_STUDIO).toFile());
    assertThat(tasks.isArray()).isTrue();
    assertThat(tasks.get(0).get("data").get("item").asText()).startsWith("r");
    // Candidate: 90 of 600 grader-positive; half the 200 drawn are positives: π = 90/90 and 110/510.
    label(out.resolve(ReviewFiles.JSONL), dir.resolve("labels.jsonl"));
    review("import", gate.toString(), dir.resolve("labels.jsonl").toString(), "--store", store.toString());
    GateRun corrected = run();
    assertThat(corrected.categories().get("over-refusal").grading().candidate().orElseThrow().method())
        .contains("inverse-probability weighted");
    assertThat(corrected.categories().get("over-refusal").grading().production().orElseThrow().covers(0.20)).isTrue();
  }
}
