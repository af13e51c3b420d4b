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
}
