package dev.rehearsal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.store.ForecastRow;
import dev.rehearsal.run.store.ForecastTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasts round-trip through a real SQLite store; validation measures with the frozen graders or refuses. */
class ValidationTests {

  @TempDir
  Path dir;

  @Test
  void forecasts_are_stored_under_the_release_with_counts_jeffreys_shapes_and_fingerprints() throws IOException {
    GateRun run = new GateRunner(quiet()).run(gate("BAD"));

    try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
      ForecastRecords.of("r1", ForecastKind.SIMULATION, run).forEach(new ForecastTable(store)::put);
      List<ForecastRow> rows = new ForecastTable(store).release("r1");

      // The replay candidate says BAD in 10 of 40 replies: Beta(10.5, 30.5), overall (no segments declared,
      // so no "other" row repeating it).
      assertThat(rows).extracting(ForecastRow::segment).containsExactly(GateRun.OVERALL);
      assertThat(rows).allSatisfy(r -> {
        assertThat(r.category()).isEqualTo("bad");
        assertThat(r.events()).isEqualTo(10);
        assertThat(r.trials()).isEqualTo(40);
        assertThat(r.alpha()).isEqualTo(10.5);
        assertThat(r.beta()).isEqualTo(30.5);
        assertThat(r.graderFingerprint()).isEqualTo(MeasurementFingerprint.of(run.spec(), "bad"));
      });
      assertThat(new ForecastTable(store).release("other")).isEmpty();
    }
  }

  @Test
  void validation_measures_the_released_models_log_with_the_same_graders() throws IOException {
    GateSpec gate = gate("BAD");
    StoredForecasts stored = new StoredForecasts("r1",
        ForecastRecords.of("r1", ForecastKind.SIMULATION, new GateRunner(quiet()).run(gate)));
    log("x.jsonl", 20);

    GateRun validation = new Validation(quiet()).run(stored, gate, dev.rehearsal.spec.SourceSpec.file("openai-messages",
        dir.resolve("x.jsonl"), gate.mark()), new SampleSpec(40, 3, gate.mark()));

    assertThat(Validation.realized(validation, "bad", GateRun.OVERALL)).contains(new Counts(20, 40));
  }

  @Test
  void validation_refuses_a_changed_grader_and_names_it() throws IOException {
    StoredForecasts stored = new StoredForecasts("r1",
        ForecastRecords.of("r1", ForecastKind.SIMULATION, new GateRunner(quiet()).run(gate("BAD"))));

    GateSpec changed = gate("BAD|WORSE");

    assertThatThrownBy(() -> Validation.requireSameMeasurement(stored, changed))
        .isInstanceOf(MeasurementChangedException.class)
        .hasMessageStartingWith("Grader 'bad' of category 'bad' differs from the frozen measurement of release 'r1'")
        .hasMessageContaining("record a new forecast under a new release label")
        .satisfies(e -> assertThat(((MeasurementChangedException) e).grader()).isEqualTo("bad"));
  }

  @Test
  void fingerprint_ignores_key_order_and_changes_with_any_setting() throws IOException {
    var a = new dev.rehearsal.spec.GraderSpec("g", "regex", java.util.Map.of("label", "x", "patterns", List.of("a")),
        new dev.rehearsal.spec.Mark(dir, 1, 1));
    var b = new dev.rehearsal.spec.GraderSpec("g", "regex", new java.util.TreeMap<>(java.util.Map.of("patterns",
        List.of("a"), "label", "x")), new dev.rehearsal.spec.Mark(dir, 9, 9));
    var c = new dev.rehearsal.spec.GraderSpec("g", "regex", java.util.Map.of("label", "x", "patterns", List.of("b")),
        new dev.rehearsal.spec.Mark(dir, 1, 1));

    // The measurement fingerprint is the grader fingerprint the gate lock pins.
    var rules = dev.rehearsal.grade.GraderContext.rulesOnly();
    String fa = dev.rehearsal.grade.GraderFingerprint.of(a, dev.rehearsal.grade.Graders.create(a, rules));
    String fb = dev.rehearsal.grade.GraderFingerprint.of(b, dev.rehearsal.grade.Graders.create(b, rules));
    String fc = dev.rehearsal.grade.GraderFingerprint.of(c, dev.rehearsal.grade.Graders.create(c, rules));
    assertThat(fa).isEqualTo(fb).hasSize(64);
    assertThat(fa).isNotEqualTo(fc);
    assertThat(MeasurementFingerprint.of(gate("a"), "bad")).isNotEqualTo(MeasurementFingerprint.of(gate("b"), "bad"));
  }

  private GateSpec gate(String pattern) throws IOException {
    log("y.jsonl", 10);
    Path file = dir.resolve("g.gate.yaml");
    Files.writeString(file, String.join("\n", "gate: g", "promise: p", "owner: o",
        "prefixes:", "  source: { format: openai-messages, path: y.jsonl }", "  sample: { size: 40, seed: 1 }",
        "arms:", "  production: { replay: logged }", "  candidate: { replay: logged }",
        "graders:", "  bad: { type: regex, label: bad, patterns: [\"" + pattern + "\"] }",
        "categories:", "  - { id: bad, grader: bad, label: bad, severity: high, failure-class: c, owner: o }", ""));
    return new GateSpecLoader(SpecContext.of(dir, dir)).load(file);
  }

  private void log(String name, int bad) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("{\"id\":\"c" + i + "\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\","
          + "\"content\":\"" + (i < bad ? "BAD" : "fine") + "\"}]}");
    }
    Files.write(dir.resolve(name), lines);
  }

  private static RunOptions quiet() {
    return new RunOptions(java.util.Optional.empty(), false, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
        java.time.Duration.ofMinutes(1));
  }
}
