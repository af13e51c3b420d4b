package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static dev.rehearsal.openai.Fixtures.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.runtime.Budget;
import dev.rehearsal.model.runtime.ConsoleProgress;
import dev.rehearsal.model.runtime.PriceTable;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: a reply without {@code usage} (some OpenAI-compatible servers omit it) is
 * counted and shown; under a token or cost budget it is an error, since the cap cannot be kept.
 */
class MissingUsageTests {

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path project;

  private static final String NO_USAGE = "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"ok\"}}]}";
  private static final String WITH_USAGE = "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"ok\"}}],\"usage\":{\"prompt_tokens\":3,"
      + "\"completion_tokens\":1}}";

  @Test
  void reply_without_usage_is_counted_and_shown_in_progress() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      // given a server that answers once without usage and once with it
      server.then(LoopbackServer.Reply.json(NO_USAGE));
      server.then(LoopbackServer.Reply.json(WITH_USAGE));
      ResilientModelClient client = new ResilientModelClient(openAi(server.baseUrl(), Map.of()),
          RuntimeSettings.defaults().withConcurrency(1).withTimeout(Duration.ofSeconds(5)));
      // when two calls complete
      ModelReply first = client.complete(ask("a")).get();
      ModelReply second = client.complete(ask("b")).get();
      // then the one without usage is counted and the progress line says so
      assertThat(first.usageReported()).isFalse();
      assertThat(second.usageReported()).isTrue();
      assertThat(client.stats().repliesWithoutUsage()).isEqualTo(1);
      assertThat(client.stats().succeeded()).isEqualTo(2);
      assertThat(ConsoleProgress.line("candidate", 2, client.stats()))
          .contains("replies without usage: 1");
    }
  }

  @Test
  void reply_without_usage_under_cost_budget_is_an_error() {
    try (LoopbackServer server = new LoopbackServer()) {
      // given a cost-budgeted model whose server omits usage
      server.then(LoopbackServer.Reply.json(NO_USAGE));
      ResilientModelClient client = new ResilientModelClient(openAi(server.baseUrl(), Map.of()),
          RuntimeSettings.defaults().withTimeout(Duration.ofSeconds(5))
              .withBudget(new Budget(0, 0, 1.0), new PriceTable(1, 2)));
      // when it calls, then the reply fails closed instead of costing 0
      assertThatThrownBy(() -> client.complete(ask("a")).get())
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(ModelException.class)
          .hasMessageContaining("carries no token usage")
          .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.FATAL));
      assertThat(client.stats().repliesWithoutUsage()).isEqualTo(1);
      assertThat(client.stats().succeeded()).isZero();
      assertThat(client.stats().errorCount()).isEqualTo(1);
    }
  }

  @Test
  void replies_without_usage_and_cut_short_show_in_the_health_line_and_the_report() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      // given a server that omits usage on questions 0-3 and stops at the token limit on 4-5
      server.otherwise(r -> LoopbackServer.Reply.json(r.body().matches("(?s).*question [0-3]\\b.*")
          ? NO_USAGE : r.body().matches("(?s).*question [45]\\b.*")
          ? WITH_USAGE.replace("\"stop\"", "\"length\"") : WITH_USAGE));
      StringBuilder log = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"question ").append(i).append("\"},{\"role\":\"assistant\","
            + "\"content\":\"ok\"}]}\n");
      }
      java.nio.file.Files.writeString(project.resolve("log.jsonl"), log);
      java.nio.file.Path gate = java.nio.file.Files.writeString(project.resolve("u.gate.yaml"), """
          gate: usage
          promise: Helps.
          owner: support
          prefixes:
            source: { format: openai-messages, path: log.jsonl }
            sample: { size: 10, seed: 1 }
          arms:
            production: { replay: logged }
            candidate: { model: candidate }
          models:
            candidate: { client: openai, base-url: "${URL}", model: m }
          graders:
            refusal: { type: refusal }
          categories:
            - { id: over-refusal, grader: refusal, owner: product }
          thresholds:
            - { categories: over-refusal, max-rate: 60%, on-breach: hold }
          """);
      dev.rehearsal.spec.GateSpec spec = new dev.rehearsal.spec.GateSpecLoader(
          new dev.rehearsal.spec.SpecContext(project, project, name -> java.util.Optional
              .ofNullable(Map.of("URL", server.baseUrl()).get(name)))).load(gate);
      // when the gate runs
      dev.rehearsal.run.GateRun run = new dev.rehearsal.run.GateRunner(new dev.rehearsal.run.RunOptions(
          java.util.Optional.empty(), false, new java.io.PrintStream(
              java.io.OutputStream.nullOutputStream()), Duration.ofSeconds(30))).run(spec);
      // then the arm counts both, and the health summary (console "Simulation:" line,
      // decision.json healthSummary) says so
      assertThat(run.candidate().usage()).isEqualTo(new dev.rehearsal.run.ArmUsage(4, 2));
      assertThat(run.production().usage()).isEqualTo(dev.rehearsal.run.ArmUsage.NONE);
      assertThat(run.health().summary()).contains("candidate: 4 replies without token usage"
          + " (tokens and cost undercount), 2 cut at the token limit");
      assertThat(dev.rehearsal.run.DecisionTable.render(run)).contains("4 replies without token usage");
    }
  }
}
