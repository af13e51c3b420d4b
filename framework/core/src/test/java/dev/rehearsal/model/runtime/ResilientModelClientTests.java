package dev.rehearsal.model.runtime;

import static dev.rehearsal.model.runtime.CountingModel.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResilientModelClientTests {

  private static RuntimeSettings fast() {
    return RuntimeSettings.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2));
  }

  @Test
  void bounds_calls_in_flight_by_concurrency() {
    CountingModel model = new CountingModel();
    model.hold = true;
    ResilientModelClient client = new ResilientModelClient(model, fast().withConcurrency(3));
    List<CompletableFuture<ModelReply>> replies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      replies.add(client.complete(ask("q" + i)));
    }
    while (replies.stream().anyMatch(r -> !r.isDone())) {
      assertThat(model.inFlight.get()).isLessThanOrEqualTo(3);
      CompletableFuture<ModelReply> next = model.held.poll();
      if (next != null) {
        next.complete(null);
      }
    }

    assertThat(model.peak.get()).isEqualTo(3);
    assertThat(client.stats().succeeded()).isEqualTo(10);
  }

  @Test
  void stops_at_the_call_budget_with_a_message_naming_the_cap_and_the_spend() {
    CountingModel model = new CountingModel();
    ResilientModelClient client = new ResilientModelClient(model,
        fast().withBudget(new Budget(5, 0, 0), new PriceTable(2.0, 8.0)));
    for (int i = 0; i < 5; i++) {
      client.complete(ask("q" + i)).join();
    }

    assertThatThrownBy(() -> client.complete(ask("q6")).join()).cause()
        .isInstanceOf(BudgetExceededException.class)
        .hasMessage("Budget cap budget.calls = 5 calls reached for model counting: spent 5 calls,"
            + " 750 tokens (500 in, 250 out), cost 0.0030. The run stopped; raise budget.calls"
            + " in the model entry of the spec or sample fewer prefixes.");
    assertThat(model.calls.get()).isEqualTo(5);
    assertThat(client.budgetStop()).isPresent();
    assertThat(client.stats().budgetRejections()).isEqualTo(1);
  }

  @Test
  void stops_at_the_cost_budget() {
    ResilientModelClient client = new ResilientModelClient(new CountingModel(),
        fast().withBudget(new Budget(0, 0, 0.0005), new PriceTable(2.0, 8.0)));
    client.complete(ask("a")).join();

    assertThatThrownBy(() -> client.complete(ask("b")).join()).cause()
        .isInstanceOf(BudgetExceededException.class).hasMessageContaining("budget.cost = 0.0005")
        .hasMessageContaining("cost 0.0006");
  }

  @Test
  void retries_retryable_failures_and_counts_them() {
    CountingModel model = new CountingModel();
    model.failures.add(new ModelException(Kind.RETRYABLE, "HTTP 503"));
    model.failures.add(new ModelException("HTTP 429", Duration.ofMillis(5)));
    ResilientModelClient client = new ResilientModelClient(model, fast());

    assertThat(client.complete(ask("a")).join().text()).isEqualTo("echo a");
    assertThat(client.stats().retries()).isEqualTo(2);
    assertThat(client.stats().succeededAfterRetry()).isEqualTo(1);
    assertThat(client.stats().attempts()).isEqualTo(3);
  }

  @Test
  void times_out_an_attempt_that_never_answers() {
    CountingModel model = new CountingModel();
    model.hold = true;
    ResilientModelClient client = new ResilientModelClient(model,
        fast().withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
            .withTimeout(Duration.ofMillis(50)));

    assertThatThrownBy(() -> client.complete(ask("a")).join()).cause()
        .hasMessageContaining("No reply from counting within 50 ms");
    assertThat(client.stats().errors()).containsEntry(Kind.RETRYABLE, 1L);
  }

  @Test
  void opens_the_circuit_after_consecutive_failures_and_fails_fast() {
    CountingModel model = new CountingModel();
    for (int i = 0; i < 3; i++) {
      model.failures.add(new ModelException(Kind.RETRYABLE, "HTTP 500"));
    }
    ResilientModelClient client = new ResilientModelClient(model,
        fast().withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
            .withBreaker(3, Duration.ofMinutes(5)));
    for (int i = 0; i < 3; i++) {
      client.complete(ask("q" + i)).exceptionally(e -> null).join();
    }

    assertThatThrownBy(() -> client.complete(ask("next")).join()).cause()
        .hasMessageContaining("Circuit breaker for counting is open after 3 failed call(s); last cause:"
            + " HTTP 500");
    assertThat(model.calls.get()).isEqualTo(3);
    assertThat(client.stats().breakerRejections()).isEqualTo(1);
  }

  @Test
  void rate_limit_spaces_requests() {
    CountingModel model = new CountingModel();
    ResilientModelClient client = new ResilientModelClient(model,
        fast().withRateLimits(1200, 0));
    List<CompletableFuture<ModelReply>> replies = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      replies.add(client.complete(ask("q" + i)));
    }

    assertThat(replies.stream().filter(CompletableFuture::isDone).count()).isLessThan(30);
    CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0])).join();
    assertThat(client.stats().succeeded()).isEqualTo(30);
  }

  @Test
  void reads_runtime_keys_from_the_spec_and_names_bad_values() {
    RuntimeSettings s = RuntimeSettings.fromSpec("models.candidate", Map.of("concurrency", 8,
        "timeout", "30s", "budget", Map.of("calls", 100, "cost", 2.5), "prices",
        Map.of("input", 3, "output", 15), "requests-per-minute", 600));

    assertThat(s.concurrency()).isEqualTo(8);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.budget()).isEqualTo(new Budget(100, 0, 2.5));
    assertThat(s.prices().cost(1_000_000, 0)).isEqualTo(3.0);
    assertThatThrownBy(() -> RuntimeSettings.fromSpec("models.candidate",
        Map.of("timeout", "soon"))).hasMessage(
            "models.candidate.timeout must be a duration like 30s, 250ms or 2m, was 'soon'");
  }

  @Test
  void prints_progress_lines_with_rate_eta_errors_tokens_and_cost() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResilientModelClient client = new ResilientModelClient(new CountingModel(),
        fast().withBudget(Budget.unlimited(), new PriceTable(1.0, 1.0)));
    ConsoleProgress progress = ConsoleProgress.start(new PrintStream(bytes, true,
        StandardCharsets.UTF_8), "candidate", 4, client::stats, Duration.ofMinutes(1));
    client.complete(ask("a")).join();
    client.complete(ask("b")).join();
    progress.close();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("[rehearsal] candidate 2/4 (50.0%)").contains("calls/s ETA")
        .contains("errors 0, retries 0 | tokens 300 | cost 0.0003");
  }
}
