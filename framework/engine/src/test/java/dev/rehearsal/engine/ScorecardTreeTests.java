package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** A scorecard file runs as a container with one test per category; a category beyond its error bound fails. */
class ScorecardTreeTests {

  @TempDir
  Path dir;

  @Test
  void a_category_beyond_its_error_bound_fails_with_forecast_realized_error_and_bound() throws IOException {
    // Y logged "calculator" in 20 of 200 replies, X in 60 of 200; the simulated X emits it at 5%.
    // Raw forecast (k+½)/(n+1) of about 10/200 against realized 60.5/201 = 0.30100: error ≈ 6× > 2×.
    write();

    EngineExecutionResults results = kit(dir.resolve("t.scorecard.yaml")).execute();

    results.containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("scorecard t"),
        finishedSuccessfully()));
    results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("t › tools/calculator"),
        finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.contains(
            "Forecast error beyond its bound for tools/calculator (release r1, simulation X→Y forecast)")
            && m.matches("(?s).*forecast: +0\\.0\\d+ \\[.*") && m.contains("realized:   0.30100 (60/200)")
            && m.matches("(?s).*error: +[4-9]\\.\\d\\d×.*") && m.contains("bound:      2.00× (scoring.max-error)")))));
    results.testEvents().assertThatEvents().haveExactly(1, event(test(), displayName("t › content/flat"),
        finishedSuccessfully()));
    assertThat(dir.resolve("reports/t")).isDirectoryContaining("glob:**/scorecard.json")
        .isDirectoryContaining("glob:**/scorecard.md").isDirectoryContaining("glob:**/calibration.svg");
  }

  @Test
  void an_invalid_scorecard_file_is_a_failing_node_with_its_position() throws IOException {
    write();
    Files.writeString(dir.resolve("bad.scorecard.yaml"), "scorecard: bad\nrelease: r1\nvalidaton: {}\n");

    EngineExecutionResults results = kit(dir.resolve("bad.scorecard.yaml")).execute();

    results.testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m ->
        m.contains("bad.scorecard.yaml:3:1") && m.contains("Did you mean 'validation'")))));
  }

  private EngineTestKit.Builder kit(Path scorecard) {
    return EngineTestKit.engine(Constants.ENGINE_ID).enableImplicitConfigurationParameters(false)
        .configurationParameter(Constants.PROJECT_ROOT, dir.toString())
        .configurationParameter(Constants.DATA_ROOT, dir.toString())
        .configurationParameter(Constants.REPORTS_DIR, dir.resolve("reports").toString())
        .configurationParameter(Constants.STORE, dir.resolve("store.db").toString())
        .configurationParameter(Constants.PRINT_DECISION, "false")
        .selectors(selectFile(scorecard.toFile()));
  }

  private void write() throws IOException {
    log("y.jsonl", 20, 20);
    log("x.jsonl", 60, 20);
    Files.writeString(dir.resolve("t.gate.yaml"), String.join("\n",
        "gate: t", "promise: p", "owner: o",
        "prefixes:", "  source: { format: openai-messages, path: y.jsonl }", "  sample: { size: 200, seed: 1 }",
        "arms:", "  production: { replay: logged }", "  candidate: { model: x-sim }",
        "models:",
        "  x-sim: { client: synthetic, seed: 1, markers: { calc: CALCULATOR, flat: FLAT },"
            + " rates: { calc: { default: 0.05 }, flat: { default: 0.1 } } }",
        "  y-sim: { client: synthetic, seed: 2, markers: { calc: CALCULATOR, flat: FLAT },"
            + " rates: { calc: { default: 0.1 }, flat: { default: 0.1 } } }",
        "graders:", "  calc: { type: regex, label: calc, patterns: [CALCULATOR] }",
        "  flat: { type: regex, label: flat, patterns: [FLAT] }",
        "categories:",
        "  - { id: tools/calculator, grader: calc, label: calc, severity: high, failure-class: tool, owner: tools }",
        "  - { id: content/flat, grader: flat, label: flat, severity: low, failure-class: content, owner: team }", ""));
    Files.writeString(dir.resolve("t.scorecard.yaml"), String.join("\n",
        "scorecard: t", "release: r1", "forecast: { gate: t.gate.yaml, fidelity-model: y-sim }",
        "validation:", "  logs: { format: openai-messages, path: x.jsonl }", "  sample: { size: 200, seed: 1 }",
        "scoring: { max-error: 2.0, method: raw }", ""));
  }

  /** 200 one-turn conversations; the first {@code calc} replies say CALCULATOR, every tenth says FLAT. */
  private void log(String name, int calc, int flat) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String reply = (i < calc ? "CALCULATOR " : "") + (i % 10 == 0 && flat > 0 ? "FLAT" : "ok");
      lines.add("{\"id\":\"" + name + i + "\",\"messages\":[{\"role\":\"user\",\"content\":\"q" + i
          + "\"},{\"role\":\"assistant\",\"content\":\"" + reply + "\"}]}");
    }
    Files.write(dir.resolve(name), lines);
  }
}
