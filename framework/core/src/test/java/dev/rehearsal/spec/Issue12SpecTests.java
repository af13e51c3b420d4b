package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.model.ModelReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec-layer items of issue 12, each named after its number there. */
class Issue12SpecTests {

  static final String SECRET = "sk-item7-SECRET-0123456789";

  @TempDir Path project;

  @BeforeEach
  void log() throws IOException {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
  }

  private Throwable loadError(String yaml, Map<String, String> env) throws IOException {
    Path file = project.resolve("demo.gate.yaml");
    Files.writeString(file, yaml);
    return catchThrowable(() -> new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(env.get(name)))).load(file));
  }

  private SpecException specError(String yaml, Map<String, String> env) throws IOException {
    Throwable error = loadError(yaml, env);
    assertThat(error).isInstanceOf(SpecException.class);
    return (SpecException) error;
  }

  @ParameterizedTest(name = "max-error-share: {0}")
  @ValueSource(strings = {"NaN", ".nan", "200%", "1.5", "-0.1", ".inf", "Infinity"})
  void item5_nan_or_200_percent_error_share_is_a_spec_error_with_position(String value) throws IOException {
    SpecException e = specError(GateSpecLoaderTests.VALID + "health: { max-error-share: " + value + " }\n", Map.of());

    assertThat(e.mark().line()).isEqualTo(21);
    assertThat(e.mark().column()).isEqualTo(28);
    assertThat(e.problem()).contains("a share between 0 and 1").doesNotContain("Exception");
  }

  @Test
  void item5_nan_in_a_threshold_is_a_spec_error() throws IOException {
    SpecException e = specError(GateSpecLoaderTests.VALID.replace("max-rate: 0.5%", "max-rate: NaN"), Map.of());

    assertThat(e.mark().line()).isEqualTo(20);
    assertThat(e.problem()).contains("finite number");
  }

  @Test
  void item7_values_from_the_environment_never_appear_in_loader_messages() throws IOException {
    String yaml = GateSpecLoaderTests.VALID.replace("grader: pii,", "grader: \"${GRADER}\",");

    SpecException e = specError(yaml, Map.of("GRADER", SECRET));

    assertThat(e.getMessage()).contains("No grader").doesNotContain(SECRET);
    assertThat(e.problem()).doesNotContain(SECRET);
  }

  @Test
  void item7_secret_in_a_model_setting_is_masked_and_no_number_format_exception_leaks() throws IOException {
    String yaml = GateSpecLoaderTests.VALID.replace("client: scripted, default: \"Hello ${USER_NAME:-there}\"",
        "client: counting, timeout: \"${TIMEOUT}\"");

    SpecException e = specError(yaml, Map.of("TIMEOUT", SECRET));

    assertThat(e.getMessage()).contains("models.candidate.timeout must be a duration").doesNotContain(SECRET);
    assertThat(e.getCause()).isNull();
  }

  @Test
  void item7_a_reply_that_echoes_a_known_secret_is_masked() {
    Secrets.register("ITEM7_API_KEY", "sk-item7-reply-key-42");

    ModelReply reply = ModelReply.text("Sure! Your key is sk-item7-reply-key-42, keep it safe.");

    assertThat(reply.text()).isEqualTo("Sure! Your key is ${ITEM7_API_KEY}, keep it safe.");
  }

  @Test
  void item7_values_shorter_than_the_minimum_are_not_masked() {
    Secrets.register("SHORT", "abc");

    assertThat(Secrets.mask("abc abc")).isEqualTo("abc abc");
  }

  @Test
  void item9_a_symlink_inside_the_project_to_etc_is_refused() throws IOException {
    Files.createSymbolicLink(project.resolve("linked"), Path.of("/etc"));
    String yaml = GateSpecLoaderTests.VALID.replace("path: log.jsonl", "path: linked/passwd");

    SpecException e = specError(yaml, Map.of());

    assertThat(e.problem()).contains("resolves outside the project root").contains("symbolic links resolved");
    assertThat(e.mark().line()).isEqualTo(6);
  }

  @Test
  void item9_a_symlinked_judge_prompt_leading_outside_is_refused() throws IOException {
    Files.createSymbolicLink(project.resolve("prompt.md"), Path.of("/etc/passwd"));
    String yaml = GateSpecLoaderTests.VALID
        .replace("client: scripted, default: \"Hello ${USER_NAME:-there}\"", "client: scripted, default: \"Hi\" }\n"
            + "  judge: { client: scripted, default: \"{}\"")
        .replace("pii: { type: pii }", "pii: { type: pii }\n  harm: { type: judge, model: judge, prompt: prompt.md }");

    SpecException e = specError(yaml, Map.of());

    assertThat(e.problem()).contains("outside the project root");
  }

  @Test
  void item12_yaml_alias_is_a_spec_error_with_position() throws IOException {
    String yaml = GateSpecLoaderTests.VALID.replace("owner: privacy-team\ntags", "owner: &who privacy-team\ntags")
        .replace("failure-class: privacy, owner: privacy-team", "failure-class: privacy, owner: *who");

    SpecException e = specError(yaml, Map.of());

    assertThat(e.problem()).contains("YAML aliases (*who) are not supported");
    assertThat(e.mark().line()).isEqualTo(18);
  }

  @Test
  void item12_a_second_document_is_a_spec_error_with_position() throws IOException {
    SpecException e = specError(GateSpecLoaderTests.VALID + "---\ngate: other\n", Map.of());

    assertThat(e.problem()).contains("another one starts here");
    assertThat(e.mark().line()).isGreaterThanOrEqualTo(21);
  }

  @Test
  void item12_model_concurrency_1e18_is_a_load_time_spec_error_with_position() throws IOException {
    String yaml = GateSpecLoaderTests.VALID.replace("client: scripted, default: \"Hello ${USER_NAME:-there}\"",
        "client: counting, concurrency: 1.0e+18");

    SpecException e = specError(yaml, Map.of());

    assertThat(e.mark().line()).isEqualTo(14);
    assertThat(e.mark().column()).isEqualTo(47);
    assertThat(e.problem()).contains("models.candidate.concurrency must be a whole number from 1 to 10000");
  }

  @Test
  void item12_non_numeric_budget_is_a_spec_error_without_a_raw_number_format_exception() throws IOException {
    String yaml = GateSpecLoaderTests.VALID.replace("client: scripted, default: \"Hello ${USER_NAME:-there}\"",
        "client: counting, budget: { calls: lots }");

    SpecException e = specError(yaml, Map.of());

    assertThat(e.problem()).contains("models.candidate.budget.calls must be a number").doesNotContain("NumberFormat");
    assertThat(e.mark().line()).isEqualTo(14);
  }
}
