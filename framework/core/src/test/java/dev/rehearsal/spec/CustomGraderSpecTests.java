package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code type: java} grader's own settings block is validated like every other key, with file:line:col. */
class CustomGraderSpecTests {

  @TempDir Path project;

  private Throwable load(String graders) throws IOException {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
    Path file = project.resolve("demo.gate.yaml");
    Files.writeString(file, GateSpecLoaderTests.VALID.replace("  pii: { type: pii }\n", graders));
    return catchThrowable(() -> new GateSpecLoader(new SpecContext(project, project, n -> Optional.empty())).load(file));
  }

  @Test
  void loads_a_custom_grader_with_its_settings() throws IOException {
    assertThat(load("""
          pii:
            type: java
            provider: mentions
            settings: { word: refund, case-sensitive: false }
        """)).isNull();
  }

  @Test
  void rejects_an_unknown_settings_key_with_position_and_closest_match() throws IOException {
    Throwable e = load("""
          pii:
            type: java
            provider: mentions
            settings: { word: refund, case-sensitve: false }
        """);

    assertThat(e).isInstanceOf(SpecException.class);
    assertThat(e.getMessage()).contains("demo.gate.yaml:19:31:", "Unknown key 'case-sensitve'", "Did you mean 'case-sensitive'?");
  }

  @Test
  void rejects_an_ambiguous_provider_and_a_missing_class_at_the_graders_position() throws IOException {
    assertThat(load("  pii: { type: java, provider: duplicate }\n").getMessage())
        .contains("demo.gate.yaml:16:", "Several custom graders are named 'duplicate'");
    assertThat(load("  pii: { type: java, class: com.acme.Nope }\n").getMessage())
        .contains("demo.gate.yaml:16:", "Grader class 'com.acme.Nope' is not on the class path");
  }
}
