package dev.rehearsal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardSpecLoaderTests {

  @TempDir
  Path dir;

  @Test
  void reads_a_minimal_scorecard_with_the_default_scoring() throws IOException {
    Path file = write("scorecard: s\nrelease: r1\nvalidation:\n  gate: g.gate.yaml\n"
        + "  logs: { format: openai-messages, path: x.jsonl }\n  sample: { size: 10, seed: 1 }\n");

    ScorecardSpec spec = new ScorecardSpecLoader(SpecContext.of(dir, dir)).load(file);

    assertThat(spec.forecast()).isEmpty();
    assertThat(spec.scoring()).isEqualTo(ScoringOptions.defaults());
    assertThat(spec.validation().logs().path()).contains(dir.resolve("x.jsonl"));
  }

  @Test
  void a_validation_without_forecast_needs_the_measurement_gate() throws IOException {
    Path file = write("scorecard: s\nrelease: r1\nvalidation:\n"
        + "  logs: { format: openai-messages, path: x.jsonl }\n  sample: { size: 10, seed: 1 }\n");

    assertThatThrownBy(() -> new ScorecardSpecLoader(SpecContext.of(dir, dir)).load(file))
        .isInstanceOf(SpecException.class).hasMessageContaining("s.scorecard.yaml:4:3")
        .hasMessageContaining("Missing required key 'gate'");
  }

  @Test
  void rejects_an_unknown_scoring_key_with_the_closest_match() throws IOException {
    Path file = write("scorecard: s\nrelease: r1\nvalidation:\n  gate: g.gate.yaml\n"
        + "  logs: { format: openai-messages, path: x.jsonl }\n  sample: { size: 10, seed: 1 }\n"
        + "scoring: { move-factr: 2 }\n");

    assertThatThrownBy(() -> new ScorecardSpecLoader(SpecContext.of(dir, dir)).load(file))
        .hasMessageContaining("s.scorecard.yaml:7:").hasMessageContaining("Did you mean 'move-factor'?");
  }

  private Path write(String text) throws IOException {
    Files.writeString(dir.resolve("g.gate.yaml"), "gate: g\n");
    Files.writeString(dir.resolve("x.jsonl"), "{}\n");
    return Files.writeString(dir.resolve("s.scorecard.yaml"), text);
  }
}
