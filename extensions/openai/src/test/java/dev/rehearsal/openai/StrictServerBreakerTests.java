package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4, "what must be shown": a strict server rejecting one parameter (as OpenAI answers
 * max_tokens on a reasoning model) yields one fatal error naming the parameter, after which the
 * circuit breaker stops further calls, so the server sees a handful of the 120 calls, not all.
 */
class StrictServerBreakerTests {

  static final int PREFIXES = 120;
  static final int CONCURRENCY = 4;
  static final String REJECTION = "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is"
      + " not supported with this model. Use 'max_completion_tokens' instead.\",\"type\":"
      + "\"invalid_request_error\",\"param\":\"max_tokens\",\"code\":\"unsupported_parameter\"}}";

  @TempDir Path project;

  @Test
  void strict_server_rejecting_max_tokens_sees_a_handful_of_calls_and_the_gate_names_the_param()
      throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      // given a server that rejects every request with 400 unsupported_parameter max_tokens
      server.otherwise(r -> new LoopbackServer.Reply(400, REJECTION, Map.of(), false));
      GateSpec spec = new GateSpecLoader(new SpecContext(project, project,
          name -> Optional.ofNullable(Map.of("URL", server.baseUrl()).get(name))))
          .load(writeGate());
      ByteArrayOutputStream progress = new ByteArrayOutputStream();

      // when the gate runs with the default breaker and retries
      GateRun run = new GateRunner(new RunOptions(Optional.empty(), false,
          new PrintStream(progress, true, StandardCharsets.UTF_8), Duration.ofSeconds(30)))
          .run(spec);

      // then at most one call per concurrency slot reached the server
      assertThat(server.requestCount()).isBetween(1, CONCURRENCY);
      // and every sample failed: those that reached the server with the HTTP 400 naming the param,
      // the rest refused by the open breaker quoting that same cause
      Map<String, Long> errors = run.candidate().errors();
      assertThat(run.candidate().errorCount()).isEqualTo(PREFIXES);
      assertThat(errors.keySet()).allSatisfy(reason -> assertThat(reason)
          .contains("error.code unsupported_parameter, error.param max_tokens"));
      assertThat(errors.entrySet()).filteredOn(e -> e.getKey().startsWith("fatal: HTTP 400"))
          .singleElement().satisfies(e ->
              assertThat(e.getValue()).isEqualTo((long) server.requestCount()));
      assertThat(errors.keySet()).anySatisfy(reason -> assertThat(reason)
          .startsWith("fatal: Circuit breaker for ").contains("last cause: HTTP 400"));
      assertThat(run.decision().action()).isEqualTo(Action.HOLD);
    }
  }

  private Path writeGate() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < PREFIXES; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":"
          + "\"question ").append(i).append("\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    return Files.writeString(project.resolve("strict.gate.yaml"), """
        gate: strict
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${URL}", model: reasoning-model, max-tokens: 64,
                       concurrency: %d }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
        """.formatted(PREFIXES, CONCURRENCY));
  }
}
