package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsReaderTests {

  @TempDir Path dir;

  GateSpec load(String thresholds) throws Exception {
    Files.writeString(dir.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"assistant\",\"content\":\"hello\"}]}\n");
    Files.writeString(dir.resolve("t.gate.yaml"), String.join("\n",
        "gate: t", "promise: p", "owner: o",
        "prefixes:", "  source: { format: openai-messages, path: log.jsonl }", "  sample: { size: 1, seed: 1 }",
        "  segments: [ { id: short, when: \"user-turns == 1\" } ]",
        "arms: { production: { replay: logged }, candidate: { replay: logged } }",
        "graders: { refusal: { type: refusal } }",
        "categories:",
        "  - { id: disallowed/violence, grader: refusal, severity: critical, owner: ts }",
        "  - { id: disallowed/self-harm, grader: refusal, severity: high, owner: ts }",
        "  - { id: over-refusal, grader: refusal, owner: product }",
        thresholds, ""));
    return new GateSpecLoader(new SpecContext(dir, dir, k -> Optional.empty())).load(dir.resolve("t.gate.yaml"));
  }

  @Test
  void reads_every_kind_with_percentage_points_alpha_scope_and_evidence_overrides() throws Exception {
    GateSpec spec = load(String.join("\n",
        "evidence: { min-samples: 200, on-inconclusive: abort }",
        "thresholds:",
        "  - { group: disallowed, severity: [critical], max-increase: 0.5pp, on-breach: hold }",
        "  - { categories: over-refusal, non-inferiority: 1%, confidence: 0.9, on-breach: repair }",
        "  - { categories: \"disallowed/*\", must-not-increase: true, alpha: 0.2, min-samples: 50, on-inconclusive: pass, on-breach: rollback }",
        "  - { categories: over-refusal, segments: [short], max-ratio-to-production: 1.25, on-breach: narrow-rollout }"));
    List<ThresholdSpec> t = spec.thresholds();

    assertThat(t).extracting(ThresholdSpec::kind).containsExactly(ThresholdKind.MAX_INCREASE,
        ThresholdKind.NON_INFERIORITY, ThresholdKind.MUST_NOT_INCREASE, ThresholdKind.MAX_RATIO_TO_PRODUCTION);
    assertThat(t.get(0).limit()).isEqualTo(0.005);
    assertThat(t.get(0).evidence()).isEqualTo(new EvidenceSpec(200, InconclusivePolicy.ABORT));
    assertThat(spec.categories()).filteredOn(t.get(0)::appliesTo).extracting(CategorySpec::id)
        .containsExactly("disallowed/violence");
    assertThat(t.get(1).limit()).isEqualTo(0.01);
    assertThat(t.get(2).limit()).isEqualTo(0.2);
    assertThat(t.get(2).evidence()).isEqualTo(new EvidenceSpec(50, InconclusivePolicy.PASS));
    assertThat(t.get(3).segments()).containsExactly("short");
  }

  @Test
  void must_not_increase_defaults_to_alpha_point_one() throws Exception {
    GateSpec spec = load("thresholds: [ { categories: over-refusal, must-not-increase: true, on-breach: hold } ]");

    assertThat(spec.thresholds().get(0).limit()).isEqualTo(0.1);
    assertThat(spec.thresholds().get(0).evidence()).isEqualTo(EvidenceSpec.DEFAULT);
  }

  @Test
  void rejects_alpha_on_a_bound_threshold_with_position() {
    assertThatThrownBy(() -> load("thresholds: [ { categories: over-refusal, max-rate: 1%, alpha: 0.1, on-breach: hold } ]"))
        .isInstanceOf(SpecException.class).hasMessageContaining("t.gate.yaml:14")
        .hasMessageContaining("'alpha' belongs to 'must-not-increase'");
  }

  @Test
  void rejects_a_scope_that_matches_no_category_listing_the_declared_ones() {
    assertThatThrownBy(() -> load("thresholds: [ { group: disallowed, severity: low, max-rate: 1%, on-breach: hold } ]"))
        .isInstanceOf(SpecException.class).hasMessageContaining("matches no category")
        .hasMessageContaining("disallowed/violence (critical)");
  }

  @Test
  void rejects_two_kinds_and_unknown_inconclusive_policies() {
    assertThatThrownBy(() -> load("thresholds: [ { max-rate: 1%, max-increase: 1pp, on-breach: hold } ]"))
        .hasMessageContaining("exactly one of 'max-rate', 'min-rate', 'max-ratio-to-production', 'max-increase'");
    assertThatThrownBy(() -> load("evidence: { min-samples: 5, on-inconclusive: skip }"))
        .hasMessageContaining("Valid values: abort, fail, pass");
  }

}
