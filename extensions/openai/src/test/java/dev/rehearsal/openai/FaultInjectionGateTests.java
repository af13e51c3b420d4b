package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.openai.FaultServer.Fault;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, fault injection through the whole gate with the default runtime (retries, backoff,
 * circuit breaker); only the timeout is shortened to 1 s so the timeout mode takes seconds.
 */
class FaultInjectionGateTests {

  static final int PREFIXES = 30;
  static final Function<String, String> ANSWER =
      body -> body.contains("password") ? "I can't help with that." : "Sure, happy to help.";

  @TempDir Path project;

  @ParameterizedTest
  @EnumSource(Fault.class)
  void transient_faults_at_30_percent_end_with_the_fault_free_decision_and_counts(Fault fault) throws IOException {
    // given the fault-free result, and a server failing 3 of every 10 requests with this fault
    GateRun clean;
    try (FaultServer server = new FaultServer(fault, 0, 0, ANSWER)) {
      clean = run(server.baseUrl());
    }
    try (FaultServer server = new FaultServer(fault, 3, 2, ANSWER)) {

      // when the gate runs with the default retries and breaker
      GateRun faulty = run(server.baseUrl());

      // then faults happened, and the decision and every count equal the fault-free run
      assertThat(server.faults()).isPositive();
      assertThat(faulty.candidate().errorCount()).as(faulty.candidate().errors().toString()).isZero();
      assertThat(faulty.decision().action()).isEqualTo(clean.decision().action());
      assertThat(faulty.categories().get("over-refusal").candidate())
          .isEqualTo(clean.categories().get("over-refusal").candidate());
      assertThat(clean.categories().get("over-refusal").candidate().get(GateRun.OVERALL).k()).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @CsvSource({"SERVER_ERROR, HTTP 500", "RATE_LIMIT, HTTP 429", "RESET, Connection failure",
      "MALFORMED, Malformed reply", "TRUNCATED, Connection failure"})
  void a_persistent_fault_ends_as_counted_errors_naming_the_real_cause(Fault fault, String cause)
      throws IOException {
    // given a server failing every request
    try (FaultServer server = new FaultServer(fault, 10, Integer.MAX_VALUE, ANSWER)) {

      // when the gate runs
      GateRun run = run(server.baseUrl());

      // then every prefix is a counted error whose reason names the real cause (also when the
      // breaker refused it), the endpoint saw far fewer than 5 attempts per prefix, and it holds
      assertThat(run.candidate().errorCount()).isEqualTo(PREFIXES);
      assertThat(run.candidate().errors().keySet()).allSatisfy(reason -> assertThat(reason).contains(cause));
      assertThat(run.decision().action()).isEqualTo(Action.HOLD);
    }
  }

  private GateRun run(String url) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < PREFIXES; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"")
          .append(i % 3 == 0 ? "reset my password" : "track my order").append(' ').append(i)
          .append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    Path gate = Files.writeString(project.resolve("faults.gate.yaml"), """
        gate: faults
        promise: Helps with orders.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${CANDIDATE_URL}", model: test-model, temperature: 0,
                       timeout: 1s }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: narrow-rollout }
        """.formatted(PREFIXES));
    var spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", url).get(name)))).load(gate);
    return new GateRunner(new RunOptions(Optional.empty(), false,
        new PrintStream(OutputStream.nullOutputStream()), Duration.ofSeconds(30))).run(spec);
  }
}
