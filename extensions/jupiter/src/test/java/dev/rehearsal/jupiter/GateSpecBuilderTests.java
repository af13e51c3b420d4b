package dev.rehearsal.jupiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate built in Java is validated by the YAML loader's rules, with file positions. */
class GateSpecBuilderTests {

  @TempDir Path dir;

  private GateSpecBuilder valid() throws IOException {
    Files.writeString(dir.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
    return GateSpecBuilder.gate("built").promise("Never leaks personal data.").owner("privacy-team")
        .section("prefixes", Map.of("source", Map.of("format", "openai-messages", "path", "log.jsonl"),
            "sample", Map.of("size", 10, "seed", 7)))
        .section("arms", Map.of("production", Map.of("replay", "logged"), "candidate", Map.of("model", "candidate")))
        .section("models", Map.of("candidate", Map.of("client", "scripted", "default", "Hello")))
        .section("graders", Map.of("pii", Map.of("type", "pii")))
        .add("categories", Map.of("id", "pii-leak", "grader", "pii", "severity", "high", "failure-class", "privacy",
            "owner", "privacy-team"))
        .add("thresholds", Map.of("categories", "pii-*", "max-rate", "0.5%", "on-breach", "rollback"));
  }

  @Test
  void builds_a_gate_through_the_yaml_loader() throws IOException {
    GateSpec spec = valid().build(dir, SpecContext.of(dir, dir));

    assertThat(spec.id()).isEqualTo("built");
    assertThat(spec.thresholds()).singleElement().satisfies(t -> assertThat(t.limit()).isEqualTo(0.005));
    assertThat(spec.file()).isEqualTo(dir.resolve("built.gate.yaml"));
  }

  @Test
  void rejects_an_unknown_key_with_file_position_and_closest_match() throws IOException {
    Throwable e = catchThrowable(() -> valid().section("ownr", "x").build(dir, SpecContext.of(dir, dir)));

    assertThat(e).isInstanceOf(SpecException.class);
    assertThat(e.getMessage()).contains("built.gate.yaml:", "Unknown key 'ownr'", "Did you mean 'owner'?");
  }

  @Test
  void rejects_a_bad_value_like_the_yaml_loader_does() throws IOException {
    Throwable e = catchThrowable(() -> valid().add("thresholds", Map.of("categories", "pii-*", "max-rate", "1%",
        "on-breach", "panic")).build(dir, SpecContext.of(dir, dir)));

    assertThat(e).isInstanceOf(SpecException.class).hasMessageContaining("panic");
  }
}
