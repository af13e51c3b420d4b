package dev.rehearsal.model.runtime;

import static dev.rehearsal.model.runtime.CountingModel.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Issue 12 item 6 and issue 15 item 4: the breaker protects the endpoint, not the retries. */
class CircuitBreakerTests {

  /** The default breaker and retry counts, with millisecond backoff so the test stays short. */
  private static RuntimeSettings defaultsWithFastBackoff() {
    RuntimeSettings d = RuntimeSettings.defaults();
    return d.withRetries(d.maxRetries(), Duration.ofMillis(1), Duration.ofMillis(2));
  }

  @Test
  void item6_failed_attempts_that_are_retried_do_not_open_the_breaker() {
    // given twelve failing attempts in a row: more than the breaker threshold of 10
    CountingModel model = new CountingModel();
    for (int i = 0; i < 12; i++) {
      model.failures.add(new ModelException(Kind.RETRYABLE, "HTTP 500 from POST /v1/chat"));
    }
    ResilientModelClient client = new ResilientModelClient(model, defaultsWithFastBackoff());

    // when three calls run one after another (5 attempts each at most)
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      outcomes.add(client.complete(ask("q" + i)).handle((r, e) -> e == null ? r.text()
          : Futures.unwrap(e).getMessage()).join());
    }

    // then two calls fail for good, the third succeeds on its retry: the breaker stayed closed
    assertThat(outcomes.get(0)).contains("HTTP 500").contains("gave up after 5 attempts");
    assertThat(outcomes.get(2)).isEqualTo("echo q2");
    assertThat(client.stats().breakerRejections()).isZero();
  }

  @Test
  void item6_a_fatal_error_opens_the_breaker_at_once_and_queued_calls_name_the_cause() {
    // given a strict server rejecting a parameter, and 20 calls queued behind one slot
    CountingModel model = new CountingModel();
    model.failures.add(new ModelException(Kind.FATAL,
        "HTTP 400 from POST /v1/chat (request rejected): unsupported_parameter max_tokens"));
    ResilientModelClient client = new ResilientModelClient(model,
        defaultsWithFastBackoff().withConcurrency(1));

    // when
    List<CompletableFuture<ModelReply>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(client.complete(ask("q" + i)));
    }
    calls.forEach(c -> c.exceptionally(e -> null).join());

    // then the server saw one call; the others failed fast with the real cause
    assertThat(model.calls.get()).isEqualTo(1);
    assertThat(client.stats().breakerRejections()).isEqualTo(19);
    assertThatThrownBy(() -> calls.get(7).join()).cause()
        .hasMessageContaining("is open after 1 failed call(s); last cause: HTTP 400")
        .hasMessageContaining("unsupported_parameter max_tokens");
  }

  @Test
  void item6_half_open_admits_a_few_trial_calls_and_closes_when_one_succeeds() throws Exception {
    // given a breaker opened by a fatal error, with no cooldown, so the next calls find it half-open
    // at once (no sleep in the test)
    CountingModel model = new CountingModel();
    model.failures.add(new ModelException(Kind.FATAL, "HTTP 401 (not authorized)"));
    ResilientModelClient client = new ResilientModelClient(model,
        defaultsWithFastBackoff().withBreaker(10, Duration.ZERO));
    client.complete(ask("first")).exceptionally(e -> null).join();

    // when ten calls arrive together while the trial calls are still in flight
    model.hold = true;
    List<CompletableFuture<ModelReply>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(client.complete(ask("q" + i)));
    }

    // then only the trial calls reached the model; once one succeeds the breaker is closed
    assertThat(model.calls.get()).isEqualTo(1 + ResilientModelClient.BREAKER_TRIALS);
    assertThat(client.stats().breakerRejections()).isEqualTo(7);
    model.hold = false;
    model.held.forEach(h -> h.complete(null));
    assertThat(client.complete(ask("after")).join().text()).isEqualTo("echo after");
  }
}
