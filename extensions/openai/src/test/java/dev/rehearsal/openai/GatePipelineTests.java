package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole gate whose candidate is an OpenAI-compatible server on loopback: the pipeline sends the
 * spec's sampling parameters, caches every reply in the run store, and a rerun makes no calls.
 */
class GatePipelineTests {

  static final int CONVERSATIONS = 30;
  @TempDir Path project;
  LoopbackServer server;
  Path gate;
  ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @BeforeEach
  void gateOnLoopback() throws IOException {
    server = new LoopbackServer().otherwise(r -> LoopbackServer.Reply.json(LoopbackServer.chat(
        r.body().contains("password") ? "I can't help with that." : "Sure, happy to help.")));
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < CONVERSATIONS; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"track\","
          + "\"parameters\":{\"type\":\"object\"}}}],\"messages\":[{\"role\":\"user\",\"content\":\"")
          .append(i % 3 == 0 ? "reset my password" : "track my order").append(' ').append(i)
          .append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    gate = Files.writeString(project.resolve("loopback.gate.yaml"), """
        gate: loopback
        promise: Helps with orders.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 100, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${CANDIDATE_URL}", model: test-model, temperature: 0.7,
                       concurrency: 8, retries: 1 }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%, on-breach: narrow-rollout }
        """);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GateRun run(boolean fresh) throws IOException {
    GateSpec spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", server.baseUrl()).get(name)))).load(gate);
    RunOptions options = new RunOptions(Optional.of(project.resolve(".rehearsal/store.db")), fresh,
        new PrintStream(progress, true, StandardCharsets.UTF_8), Duration.ofSeconds(30));
    return new GateRunner(options).run(spec);
  }

  @Test
  void candidate_answers_come_from_the_server_with_the_spec_parameters() throws IOException {
    GateRun run = run(false);

    assertThat(server.requestCount()).isEqualTo(CONVERSATIONS);
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.body()).contains("\"temperature\":0.7", "\"model\":\"test-model\"",
        "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"track\""));
    assertThat(run.candidate().errorCount()).isZero();
    // 10 of 30 prompts mention a password and the server refuses them.
    assertThat(run.categories().get("over-refusal").candidate().get(GateRun.OVERALL).k()).isEqualTo(10);
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[rehearsal] candidate 30/30");
  }

  @Test
  void api_refusals_reach_the_refusal_grader_as_refusals_not_errors() throws IOException {
    // Documented Chat Completions shape of a refusal: message.content null, message.refusal the text.
    server.otherwise(r -> LoopbackServer.Reply.json(r.body().contains("password")
        ? "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
            + "\"content\":null,\"refusal\":\"Declined.\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}"
        : LoopbackServer.chat("Sure, happy to help.")));

    GateRun run = run(false);

    assertThat(run.candidate().errorCount()).isZero();
    // "Declined." matches no refusal phrase: only the API's refusal makes these 10 count.
    assertThat(run.categories().get("over-refusal").candidate().get(GateRun.OVERALL).k()).isEqualTo(10);
  }

  @Test
  void rerun_of_an_unchanged_gate_makes_no_model_calls_and_gives_the_same_result() throws IOException {
    GateRun first = run(false);
    int afterFirst = server.requestCount();

    GateRun second = run(false);

    assertThat(server.requestCount()).isEqualTo(afterFirst);
    assertThat(second.categories().get("over-refusal").candidate())
        .isEqualTo(first.categories().get("over-refusal").candidate());
  }

  @Test
  void fresh_switch_forces_every_call_again() throws IOException {
    run(false);

    run(true);

    assertThat(server.requestCount()).isEqualTo(2 * CONVERSATIONS);
  }

  @Test
  void a_dead_endpoint_is_counted_per_arm_and_fails_the_gate_closed() throws IOException {
    server.otherwise(r -> LoopbackServer.Reply.status(500, Map.of()));

    GateRun run = run(false);

    assertThat(run.candidate().errorCount()).isEqualTo(CONVERSATIONS);
    // The first calls give up after their retries; then the circuit breaker stops hammering the endpoint.
    // Depending on timing, every call is either one that gave up on HTTP 500 or one the breaker refused.
    assertThat(run.candidate().errors().keySet()).isNotEmpty().allSatisfy(reason -> assertThat(reason)
        .matches("retryable: HTTP 500 from POST /v1/chat/completions .*|fatal: Circuit breaker for .* is open .*"));
    assertThat(run.health().healthy()).isFalse();
    assertThat(run.decision().action()).isEqualTo(dev.rehearsal.spec.Action.HOLD);
  }
}
