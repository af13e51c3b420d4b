package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 item 3: an endpoint answering nothing never ships. */
class EmptyReplyGateTests {

  @TempDir Path project;

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"   \\n \"", "null"})
  void item3_empty_replies_are_counted_and_hold_the_gate(String content) throws IOException {
    // given an endpoint whose every reply has empty, blank or null content
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> LoopbackServer.Reply.json(LoopbackServer.chat("x").replace("\"x\"", content)));

      // when the gate runs with the default health bounds
      GateRun run = run(server.baseUrl(), "");

      // then every candidate sample is an empty reply, none is graded, and the release holds
      assertThat(run.candidate().emptyCount()).isEqualTo(20);
      assertThat(run.categories().get("over-refusal").candidate().get(GateRun.OVERALL).n()).isZero();
      assertThat(run.health().problems()).singleElement().satisfies(p -> assertThat(p)
          .contains("candidate arm gave an empty reply", "20 of 20", "health.max-empty-share"));
      assertThat(run.decision().action()).isEqualTo(Action.HOLD);
    }
  }

  @Test
  void item3_empty_replies_within_their_own_bound_keep_the_simulation_healthy() throws IOException {
    // given an endpoint that answers five of twenty prefixes with nothing
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> LoopbackServer.Reply.json(LoopbackServer.chat(
          r.body().matches("(?s).*help me [0-4]\".*") ? "" : "Sure.")));

      // when the gate allows 30% empty replies
      GateRun run = run(server.baseUrl(), "health: { max-empty-share: 30% }\n");

      // then the empties are counted, the rest graded, and the simulation is healthy
      assertThat(run.health().problems()).isEmpty();
      assertThat(run.candidate().emptyCount()).isEqualTo(5);
      assertThat(run.categories().get("over-refusal").candidate().get(GateRun.OVERALL).n()).isEqualTo(15);
      assertThat(run.health().healthy()).isTrue();
    }
  }

  private GateRun run(String url, String extra) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    Path gate = Files.writeString(project.resolve("empty.gate.yaml"), """
        gate: empty
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 20, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${CANDIDATE_URL}", model: test-model, temperature: 0 }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%, on-breach: hold }
        """ + extra);
    var spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", url).get(name)))).load(gate);
    return new GateRunner(new RunOptions(Optional.empty(), false,
        new PrintStream(OutputStream.nullOutputStream()), Duration.ofSeconds(30))).run(spec);
  }
}
