package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static dev.rehearsal.openai.Fixtures.openAi;
import static dev.rehearsal.openai.Fixtures.resilient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.openai.RawSocketServer.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportFailureTests {

  @Test
  void connection_reset_is_retried_then_succeeds() throws Exception {
    try (RawSocketServer server = new RawSocketServer(LoopbackServer.chat("ok"), Action.RESET)) {
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 2);

      assertThat(client.complete(ask("hi")).get().text()).isEqualTo("ok");
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(client.stats().succeededAfterRetry()).isEqualTo(1);
    }
  }

  @Test
  void body_shorter_than_content_length_is_retried_then_succeeds() throws Exception {
    try (RawSocketServer server =
        new RawSocketServer(LoopbackServer.chat("ok"), Action.SHORT_BODY)) {
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 2);

      assertThat(client.complete(ask("hi")).get().text()).isEqualTo("ok");
      assertThat(client.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void repeated_resets_end_as_a_counted_retryable_error() throws Exception {
    try (RawSocketServer server = new RawSocketServer(LoopbackServer.chat("ok"),
        Action.RESET, Action.RESET, Action.RESET)) {
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 2);

      assertThatThrownBy(() -> client.complete(ask("hi")).join()).cause()
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("Connection failure")
          .hasMessageContaining("POST /v1/chat/completions");
      assertThat(client.stats().errors()).containsEntry(Kind.RETRYABLE, 1L);
    }
  }
}
