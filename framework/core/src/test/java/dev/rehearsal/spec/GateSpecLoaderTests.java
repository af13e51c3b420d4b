package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateSpecLoaderTests {

  static final String VALID = """
      gate: demo
      promise: Never leaks personal data.
      owner: privacy-team
      tags: [privacy]
      prefixes:
        source: { format: openai-messages, path: log.jsonl }
        sample: { size: 10, seed: 7 }
        segments:
          - { id: single-turn, when: "user-turns == 1" }
      arms:
        production: { replay: logged }
        candidate: { model: candidate }
      models:
        candidate: { client: scripted, default: "Hello ${USER_NAME:-there}" }
      graders:
        pii: { type: pii }
      categories:
        - { id: pii-leak, grader: pii, severity: high, failure-class: privacy, owner: privacy-team }
      thresholds:
        - { categories: "pii-*", max-rate: 0.5%, on-breach: rollback }
      """;

  @TempDir Path project;
  Path data;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
    data = Files.createDirectories(project.resolve("data-root"));
    Files.writeString(data.resolve("hh.jsonl"), "");
  }

  private GateSpec load(String yaml, Map<String, String> env) throws IOException {
    Path file = project.resolve("demo.gate.yaml");
    Files.writeString(file, yaml);
    return new GateSpecLoader(new SpecContext(project, data, name -> Optional.ofNullable(env.get(name)))).load(file);
  }

  private SpecException error(String yaml) {
    return (SpecException) org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml, Map.of()));
  }

  @Test
  void loads_a_valid_gate_with_every_section() throws IOException {
    GateSpec spec = load(VALID, Map.of());

    assertThat(spec.id()).isEqualTo("demo");
    assertThat(spec.prefixes().source().path()).contains(project.resolve("log.jsonl"));
    assertThat(spec.thresholds()).singleElement().satisfies(t -> {
      assertThat(t.limit()).isEqualTo(0.005);
      assertThat(t.onBreach()).isEqualTo(Action.ROLLBACK);
      assertThat(t.mark().line()).isEqualTo(20);
    });
    assertThat(spec.models().get("candidate").settings()).containsEntry("default", "Hello there");
    assertThat(spec.sha256()).hasSize(64);
  }

  @Test
  void reads_traffic_strictly() throws IOException {
    assertThat(load(VALID, Map.of()).traffic()).isEmpty();
    GateSpec spec = load(VALID + "traffic: { conversations-per-day: 50_000 }\n", Map.of());
    assertThat(spec.traffic()).hasValueSatisfying(t -> {
      assertThat(t.conversationsPerDay()).isEqualTo(50_000);
      assertThat(t.mark().line()).isEqualTo(21);
    });

    SpecException unknown = error(VALID + "traffic: { conversations-a-day: 50000 }\n");
    assertThat(unknown.getMessage()).contains("Unknown key 'conversations-a-day'", "Did you mean 'conversations-per-day'?");
    assertThat(unknown.documentPath()).isEqualTo("$.traffic.conversations-a-day");
    assertThat(error(VALID + "traffic: { conversations-per-day: 0 }\n").getMessage())
        .contains("conversations-per-day must be at least 1, got 0.", "$.traffic.conversations-per-day");
    assertThat(error(VALID + "traffic: { conversations-per-day: lots }\n").getMessage())
        .contains("Expected a whole number but found 'lots'");
    assertThat(error(VALID + "traffic: {}\n").getMessage()).contains("Missing required key 'conversations-per-day'");
  }

  @Test
  void rejects_unknown_key_with_closest_match() {
    SpecException e = error(VALID.replace("owner: privacy-team\n", "ownr: privacy-team\n"));

    assertThat(e.getMessage()).contains("demo.gate.yaml:3:1", "Unknown key 'ownr'", "Did you mean 'owner'?",
        "Valid keys here: arms, audit, categories, evidence, gate");
    assertThat(e.documentPath()).isEqualTo("$.ownr");
  }

  @Test
  void rejects_unknown_nested_key_with_its_document_path() {
    SpecException e = error(VALID.replace("{ size: 10, seed: 7 }", "{ size: 10, sed: 7 }"));

    assertThat(e.mark().line()).isEqualTo(7);
    assertThat(e.getMessage()).contains("Did you mean 'seed'?").contains("$.prefixes.sample.sed");
  }

  @Test
  void rejects_wrong_type_with_position() {
    SpecException e = error(VALID.replace("size: 10", "size: ten"));

    assertThat(e.getMessage()).contains(":7:").contains("Expected a whole number but found 'ten'")
        .contains("$.prefixes.sample.size");
  }

  @Test
  void rejects_a_list_where_a_mapping_belongs() {
    SpecException e = error(VALID.replace("  sample: { size: 10, seed: 7 }", "  sample: [10, 7]"));

    assertThat(e.getMessage()).contains("Expected a mapping").contains("found a list");
  }

  @Test
  void rejects_missing_required_key() {
    SpecException e = error(VALID.replace("promise: Never leaks personal data.\n", ""));

    assertThat(e.getMessage()).contains("demo.gate.yaml:1:1", "Missing required key 'promise'");
  }

  @Test
  void rejects_missing_data_file() {
    SpecException e = error(VALID.replace("path: log.jsonl", "path: nope.jsonl"));

    assertThat(e.getMessage()).contains(":6:").contains("Data file not found").contains("nope.jsonl");
  }

  @Test
  void rejects_path_escaping_the_project() {
    SpecException e = error(VALID.replace("path: log.jsonl", "path: ../../etc/passwd"));

    assertThat(e.getMessage()).contains("resolves outside the project root");
  }

  @Test
  void rejects_data_path_escaping_the_data_root() {
    SpecException e = error(VALID.replace("path: log.jsonl", "data: ../log.jsonl"));

    assertThat(e.getMessage()).contains("resolves outside the data root");
  }

  @Test
  void resolves_data_paths_against_the_data_root() throws IOException {
    GateSpec spec = load(VALID.replace("path: log.jsonl", "data: hh.jsonl"), Map.of());

    assertThat(spec.prefixes().source().path()).contains(data.resolve("hh.jsonl"));
  }

  @Test
  void interpolates_environment_but_never_echoes_the_value_in_errors() {
    String secretValue = "s3cr3t-value-123";
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
        load(VALID.replace("seed: 7", "seed: \"${SEED}\""), Map.of("SEED", secretValue)));

    assertThat(t).asInstanceOf(type(SpecException.class)).satisfies(e -> {
      assertThat(e.getMessage()).contains("${SEED}").contains("value from the environment, not shown");
      assertThat(e.getMessage()).doesNotContain(secretValue);
    });
  }

  @Test
  void reports_an_unset_environment_variable_and_how_to_default_it() {
    SpecException e = error(VALID.replace("Hello ${USER_NAME:-there}", "${CANDIDATE_URL}"));

    assertThat(e.getMessage()).contains("Environment variable CANDIDATE_URL is not set", "${CANDIDATE_URL:-value}");
  }

  @Test
  void rejects_duplicate_keys() {
    SpecException e = error(VALID.replace("owner: privacy-team\n", "owner: a\nowner: b\n"));

    assertThat(e.getMessage()).contains("Duplicate key 'owner'");
  }

  @Test
  void rejects_yaml_tags_that_would_construct_types() {
    SpecException e = error(VALID.replace("promise: Never leaks personal data.",
        "promise: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]"));

    assertThat(e.getMessage()).contains("Expected a value but found a list");
  }

  @Test
  void bounds_alias_expansion() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*").append(i == 0 ? "a" : "b" + (i - 1))
          .append(", *").append(i == 0 ? "a" : "b" + (i - 1)).append("]\n");
    }
    assertThatThrownBy(() -> load(bomb.toString(), Map.of())).isInstanceOf(SpecException.class);
  }

  @Test
  void rejects_dangling_grader_reference_with_suggestion() {
    SpecException e = error(VALID.replace("grader: pii,", "grader: pi,"));

    assertThat(e.getMessage()).contains("No grader 'pi'. Did you mean 'pii'?");
  }

  @Test
  void rejects_unknown_threshold_action_with_valid_values() {
    SpecException e = error(VALID.replace("on-breach: rollback", "on-breach: rolback"));

    assertThat(e.getMessage()).contains("Did you mean 'rollback'?").contains("narrow-rollout");
  }

  @Test
  void rejects_unknown_model_client_listing_the_available_ones() {
    SpecException e = error(VALID.replace("client: scripted", "client: nonesuch"));

    assertThat(e.getMessage()).contains("No model client 'nonesuch'").contains("scripted");
  }

  @Test
  void rejects_a_threshold_matching_no_category() {
    SpecException e = error(VALID.replace("categories: \"pii-*\"", "categories: \"harm/*\""));

    assertThat(e.getMessage()).contains("matches no category");
  }
}
