package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.run.ArmCache;
import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunReports;
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

/** Issue 12 item 2: the console and the reports say how many replies came from the response store. */
class CacheCountGateTests {

  @TempDir Path project;

  @Test
  void item2_rerun_against_the_same_store_reports_every_call_from_cache() throws IOException {
    // given a gate whose candidate is a loopback model, and one store for both runs
    try (LoopbackServer server = new LoopbackServer()) {
      writeGate();

      // when the gate runs twice
      GateRun first = run(server.baseUrl());
      GateRun second = run(server.baseUrl());

      // then the first run made every call, the second answered every call from the store, and both say so
      assertThat(server.requestCount()).isEqualTo(20);
      assertThat(first.candidate().cache()).contains(new ArmCache(0, 20));
      assertThat(second.candidate().cache()).contains(new ArmCache(20, 20));
      assertThat(first.production().cache()).isEmpty();
      assertThat(first.health().summary()).contains("; response store: candidate 0 of 20 calls from cache;");
      assertThat(DecisionTable.render(second)).contains("response store: candidate 20 of 20 calls from cache");
      assertThat(cache(first)).isEqualTo("{\"hits\":0,\"calls\":20}");
      assertThat(cache(second)).isEqualTo("{\"hits\":20,\"calls\":20}");
      assertThat(arms(second).get("production").has("cache")).isFalse();
    }
  }

  @Test
  void item2_run_without_a_store_makes_no_cache_claim() throws IOException {
    // given the same gate run without a store
    try (LoopbackServer server = new LoopbackServer()) {
      writeGate();

      // when it runs
      GateRun run = new GateRunner(new RunOptions(Optional.empty(), false,
          new PrintStream(OutputStream.nullOutputStream()), Duration.ofSeconds(30))).run(load(server.baseUrl()));

      // then no arm reports cache figures
      assertThat(run.candidate().cache()).isEmpty();
      assertThat(run.health().summary()).doesNotContain("from cache");
      assertThat(arms(run).get("candidate").has("cache")).isFalse();
    }
  }

  private String cache(GateRun run) throws IOException {
    return arms(run).get("candidate").get("cache").toString();
  }

  private JsonNode arms(GateRun run) throws IOException {
    Path dir = RunReports.write(run, Files.createTempDirectory(project, "reports"));
    return new ObjectMapper().readTree(dir.resolve("decision.json").toFile()).get("arms");
  }

  private void writeGate() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    Files.writeString(project.resolve("count.gate.yaml"), """
        gate: count
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
        """);
  }

  private dev.rehearsal.spec.GateSpec load(String url) throws IOException {
    return new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", url).get(name)))).load(project.resolve("count.gate.yaml"));
  }

  private GateRun run(String url) throws IOException {
    RunOptions options = new RunOptions(Optional.of(project.resolve(".rehearsal/store.db")), false,
        new PrintStream(OutputStream.nullOutputStream()), Duration.ofSeconds(30));
    return new GateRunner(options).run(load(url));
  }
}
