package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingReaderTests {

  @TempDir Path dir;

  GateSpec load(String gateGrading, String categoryGrading) throws Exception {
    Files.writeString(dir.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"assistant\",\"content\":\"hello\"}]}\n");
    Files.writeString(dir.resolve("g.gate.yaml"), String.join("\n",
        "gate: g", "promise: p", "owner: o",
        "prefixes:", "  source: { format: openai-messages, path: log.jsonl }", "  sample: { size: 1, seed: 1 }",
        "arms: { production: { replay: logged }, candidate: { replay: logged } }",
        "graders: { refusal: { type: refusal } }",
        gateGrading,
        "categories:",
        "  - { id: over-refusal, grader: refusal, owner: product" + categoryGrading + " }",
        "  - { id: plain, grader: refusal, owner: product }",
        ""));
    return new GateSpecLoader(new SpecContext(dir, dir, k -> Optional.empty())).load(dir.resolve("g.gate.yaml"));
  }

  @Test
  void defaults_to_corrected_when_possible_with_a_warning_only() throws Exception {
    GateSpec spec = load("", "");

    assertThat(spec.categories().get(0).grading()).isEqualTo(GradingSpec.defaults());
    assertThat(spec.categories().get(0).grading().correctsWhenPossible()).isTrue();
  }

  @Test
  void category_grading_overrides_the_gate_level_key_by_key() throws Exception {
    GateSpec spec = load("grading: { estimate: raw, min-labels: 50 }", ", grading: { require-calibration: true }");

    assertThat(spec.categories().get(0).grading())
        .isEqualTo(new GradingSpec(Optional.of(GradingSpec.Estimate.RAW), true, 50));
    assertThat(spec.categories().get(1).grading())
        .isEqualTo(new GradingSpec(Optional.of(GradingSpec.Estimate.RAW), false, 50));
  }

  @Test
  void rejects_unknown_grading_key_with_closest_match_and_position() {
    assertThatThrownBy(() -> load("grading: { require-calibrated: true }", ""))
        .isInstanceOf(SpecException.class).hasMessageContaining("g.gate.yaml:9")
        .hasMessageContaining("require-calibration");
  }

  @Test
  void rejects_unknown_estimate_listing_the_valid_ones() {
    assertThatThrownBy(() -> load("", ", grading: { estimate: corected }"))
        .isInstanceOf(SpecException.class).hasMessageContaining("g.gate.yaml:11")
        .hasMessageContaining("Did you mean 'corrected'? Valid values: corrected, raw.");
  }
}
