package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.model.runtime.tools.ToolPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arms.<arm>.tools}: strict like the rest of the gate file. */
class ArmToolsSpecTests {

  static final String GATE = """
      gate: demo
      promise: Answers with the weather tool.
      owner: travel-team
      prefixes:
        source: { format: openai-messages, path: log.jsonl }
        sample: { size: 10, seed: 7 }
      arms:
        production: { replay: logged }
        candidate: { model: candidate, TOOLS }
      models:
        candidate: { client: scripted, default: "Hi" }
        tool-sim: { client: scripted, default: "{}" }
      graders:
        refusal: { type: refusal }
      categories:
        - { id: refusal, grader: refusal, owner: travel-team }
      """;

  @TempDir Path project;

  @BeforeEach
  void log() throws IOException {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
  }

  private GateSpec load(String tools) throws IOException {
    Path file = project.resolve("demo.gate.yaml");
    Files.writeString(file, tools.isEmpty() ? GATE.replace(", TOOLS", "") : GATE.replace("TOOLS", tools));
    return new GateSpecLoader(new SpecContext(project, project, name -> Optional.empty())).load(file);
  }

  private SpecException error(String tools) {
    return (SpecException) catchThrowable(() -> load(tools));
  }

  @Test
  void a_model_arm_without_tools_keeps_the_single_turn_policy() throws IOException {
    GateSpec spec = load("");

    assertThat(spec.candidate().tools()).isEqualTo(ToolsSpec.SINGLE_TURN);
    assertThat(spec.production().tools().policy()).isEqualTo(ToolPolicy.SINGLE_TURN);
  }

  @Test
  void reads_policy_simulator_and_max_steps() throws IOException {
    GateSpec spec = load("tools: { policy: simulate, simulator: tool-sim, max-steps: 5 }");

    assertThat(spec.candidate().tools()).isEqualTo(new ToolsSpec(ToolPolicy.SIMULATE, Optional.of("tool-sim"), 5));
    assertThat(load("tools: { policy: replay }").candidate().tools())
        .isEqualTo(new ToolsSpec(ToolPolicy.REPLAY, Optional.empty(), ToolsSpec.DEFAULT_MAX_STEPS));
  }

  @Test
  void rejects_an_unknown_tools_key_with_position_and_closest_key() {
    SpecException e = error("tools: { policy: replay, max-step: 2 }");

    assertThat(e.getMessage()).contains("demo.gate.yaml:9:", "Unknown key 'max-step'", "Did you mean 'max-steps'?",
        "Valid keys here: max-steps, policy, simulator");
    assertThat(e.documentPath()).isEqualTo("$.arms.candidate.tools.max-step");
  }

  @Test
  void rejects_an_unknown_policy_with_the_closest_value() {
    SpecException e = error("tools: { policy: replays }");

    assertThat(e.getMessage()).contains("demo.gate.yaml:9:", "Unknown value 'replays'", "Did you mean 'replay'?");
  }

  @Test
  void simulate_needs_a_simulator() {
    assertThat(error("tools: { policy: simulate }").getMessage())
        .contains("demo.gate.yaml:9:", "'policy: simulate' needs 'simulator: <name>'");
  }

  @Test
  void the_simulator_must_be_a_declared_model() {
    assertThat(error("tools: { policy: simulate, simulator: tool-simulator }").getMessage())
        .contains("demo.gate.yaml:9:", "No model named 'tool-simulator' under 'models:'", "tool-sim");
  }

  @Test
  void a_simulator_without_simulate_is_an_error() {
    assertThat(error("tools: { policy: replay, simulator: tool-sim }").getMessage())
        .contains("'simulator' is used only with 'policy: simulate'");
  }

  @Test
  void max_steps_must_be_at_least_one() {
    assertThat(error("tools: { policy: replay, max-steps: 0 }").getMessage())
        .contains("demo.gate.yaml:9:", "Must be at least 1 but is 0");
  }

  @Test
  void a_replay_arm_takes_no_tools() throws IOException {
    Path file = project.resolve("demo.gate.yaml");
    Files.writeString(file, GATE.replace(", TOOLS", "").replace("production: { replay: logged }",
        "production: { replay: logged, tools: { policy: replay } }"));

    SpecException e = (SpecException) catchThrowable(
        () -> new GateSpecLoader(new SpecContext(project, project, name -> Optional.empty())).load(file));

    assertThat(e.getMessage()).contains("demo.gate.yaml:8:", "'tools' applies only to a 'model:' arm");
  }
}
