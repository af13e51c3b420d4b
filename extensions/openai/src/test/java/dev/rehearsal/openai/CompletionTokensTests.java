package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static dev.rehearsal.openai.Fixtures.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4: max-completion-tokens and reasoning-effort reach the wire under OpenAI's names
 * (max_completion_tokens, reasoning_effort; the API reference marks max_tokens deprecated and not
 * accepted by reasoning models), and a rejected request names the server's error.code and param.
 */
class CompletionTokensTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPLY = "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":3,"
      + "\"completion_tokens\":1}}";

  @TempDir Path project;

  @Test
  void sends_max_completion_tokens_and_reasoning_effort_but_no_max_tokens() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      // given an entry with max-completion-tokens and reasoning-effort
      server.then(LoopbackServer.Reply.json(REPLY));
      // when it asks
      openAi(server.baseUrl(), Map.of("max-completion-tokens", 256, "reasoning-effort", "low"))
          .complete(ask("hi")).get();
      // then the body carries the new names only
      JsonNode sent = JSON.readTree(server.requests().get(0).body());
      assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(256);
      assertThat(sent.path("reasoning_effort").asText()).isEqualTo("low");
      assertThat(sent.has("max_tokens")).isFalse();
    }
  }

  @Test
  void max_tokens_still_sends_max_tokens() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json(REPLY));
      openAi(server.baseUrl(), Map.of("max-tokens", 64)).complete(ask("hi")).get();
      JsonNode sent = JSON.readTree(server.requests().get(0).body());
      assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
      assertThat(sent.has("max_completion_tokens")).isFalse();
    }
  }

  @Test
  void strict_server_rejecting_max_tokens_yields_error_naming_param_and_code() {
    try (LoopbackServer server = new LoopbackServer()) {
      // given a server answering as OpenAI does for max_tokens on a reasoning model
      server.then(new LoopbackServer.Reply(400, "{\"error\":{\"message\":\"Unsupported parameter:"
          + " 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\","
          + "\"type\":\"invalid_request_error\",\"param\":\"max_tokens\",\"code\":"
          + "\"unsupported_parameter\"}}", Map.of(), false));
      // when a max-tokens entry asks, then the fatal error names code and param, not the key
      assertThatThrownBy(() -> openAi(server.baseUrl(), Map.of("max-tokens", 64))
          .complete(ask("hi")).get())
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ModelException.class)
          .hasMessageContaining("HTTP 400")
          .hasMessageContaining("error.code unsupported_parameter")
          .hasMessageContaining("error.param max_tokens")
          .hasMessageNotContaining(Fixtures.SECRET)
          .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.FATAL));
    }
  }

  @Test
  void both_token_limits_is_a_spec_error_at_the_key() throws Exception {
    Path gate = writeGate("max-tokens: 64, max-completion-tokens: 64");
    assertThatThrownBy(() -> load(gate))
        .hasMessageContaining("max-completion-tokens cannot be set together with max-tokens")
        .hasMessageContaining("t.gate.yaml:12:");
  }

  @Test
  void unknown_reasoning_effort_is_a_spec_error_at_the_key() throws Exception {
    Path gate = writeGate("reasoning-effort: extreme");
    assertThatThrownBy(() -> load(gate))
        .hasMessageContaining("reasoning-effort must be low, medium or high, was 'extreme'")
        .hasMessageContaining("t.gate.yaml:12:");
  }

  private Object load(Path gate) {
    return new GateSpecLoader(new SpecContext(project, project, name -> Optional.empty())).load(gate);
  }

  private Path writeGate(String extra) throws Exception {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"hi\"},{\"role\":\"assistant\",\"content\":\"Hello.\"}]}\n");
    return Files.writeString(project.resolve("t.gate.yaml"), """
        gate: tokens
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "http://127.0.0.1:9/v1", model: m,
            %s }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
        """.formatted(extra));
  }
}
