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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 item 3: a blank logged reply on a replay arm is the empty-reply outcome, as on a model arm. */
class ReplayEmptyReplyTests {

  @TempDir Path project;

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", " \\n\\t "})
  void item3_blank_logged_replies_on_a_replay_arm_are_counted_as_empty(String blank) throws IOException {
    // given a log whose first five logged replies are blank
    try (LoopbackServer server = new LoopbackServer()) {
      StringBuilder log = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me ")
            .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"").append(i < 5 ? blank : "Done.")
            .append("\"}]}\n");
      }
      Files.writeString(project.resolve("log.jsonl"), log);

      // when the gate replays the log as production with the default empty-reply bound
      GateRun run = run(server.baseUrl());

      // then the five are empty replies of the production arm, not graded, and the simulation holds
      assertThat(run.production().emptyCount()).isEqualTo(5);
      assertThat(run.production().errors()).containsOnlyKeys(
          "empty reply: the logged reply in variant 'logged' has no text");
      assertThat(run.categories().get("over-refusal").production().get(GateRun.OVERALL).n()).isEqualTo(15);
      assertThat(run.candidate().emptyCount()).isZero();
      assertThat(run.health().problems()).singleElement().satisfies(p -> assertThat(p)
          .contains("production arm gave an empty reply", "5 of 20", "health.max-empty-share"));
      assertThat(run.decision().action()).isEqualTo(Action.HOLD);
    }
  }

  private GateRun run(String url) throws IOException {
    Path gate = Files.writeString(project.resolve("replay.gate.yaml"), """
        gate: replay-empty
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
    var spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", url).get(name)))).load(gate);
    return new GateRunner(new RunOptions(Optional.empty(), false,
        new PrintStream(OutputStream.nullOutputStream()), Duration.ofSeconds(30))).run(spec);
  }
}
