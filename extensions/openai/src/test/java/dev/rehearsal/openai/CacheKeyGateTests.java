package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
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

/** Issue 12 item 2: one store never serves a reply to a request whose answer could differ. */
class CacheKeyGateTests {

  @TempDir Path project;

  @Test
  void item2_cache_key_includes_port() throws IOException {
    // given two servers on one host, one refusing everything, and one shared store
    try (LoopbackServer helpful = new LoopbackServer();
        LoopbackServer refusing = new LoopbackServer()) {
      refusing.otherwise(r -> LoopbackServer.Reply.json(LoopbackServer.chat("I can't help with that.")));
      writeGate("");

      // when the same gate runs against the first server, then against the second
      GateRun first = run(helpful.baseUrl());
      GateRun second = run(refusing.baseUrl());

      // then the second server answered every prefix and its refusals were counted
      assertThat(refusing.requestCount()).isEqualTo(20);
      assertThat(first.categories().get("over-refusal").candidate().get(GateRun.OVERALL).k()).isZero();
      assertThat(second.categories().get("over-refusal").candidate().get(GateRun.OVERALL).k()).isEqualTo(20);
    }
  }

  @Test
  void item2_cache_key_includes_every_setting_that_can_change_an_answer() throws IOException {
    // given one server and a gate run once
    try (LoopbackServer server = new LoopbackServer()) {
      writeGate("");
      run(server.baseUrl());

      // when the same gate runs with an api-version, then with a new provider setting
      writeGate(", api-version: \"2024-10-21\"");
      run(server.baseUrl());
      writeGate(", api-version: \"2024-10-21\", top-p: 0.5");
      run(server.baseUrl());
      run(server.baseUrl());

      // then each changed entry was asked again, and the unchanged rerun was served from the store
      assertThat(server.requestCount()).isEqualTo(3 * 20);
    }
  }

  private void writeGate(String extraSettings) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    Files.writeString(project.resolve("port.gate.yaml"), """
        gate: port
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 100, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${CANDIDATE_URL}", model: test-model, temperature: 0%s }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
        """.formatted(extraSettings));
  }

  private GateRun run(String url) throws IOException {
    var spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", url).get(name)))).load(project.resolve("port.gate.yaml"));
    RunOptions options = new RunOptions(Optional.of(project.resolve(".rehearsal/store.db")), false,
        new PrintStream(OutputStream.nullOutputStream()), Duration.ofSeconds(30));
    return new GateRunner(options).run(spec);
  }
}
