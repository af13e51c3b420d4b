package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static dev.rehearsal.openai.Fixtures.openAi;
import static dev.rehearsal.openai.Fixtures.resilient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ResilientModelClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiClientTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void is_found_through_service_loader() {
    assertThat(ModelClients.provider("openai")).isInstanceOf(OpenAiClientProvider.class);
  }

  @Test
  void sends_conversation_tools_and_parameters_and_reads_tool_calls() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json("{\"choices\":[{\"finish_reason\":\"tool_calls\","
          + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c2\","
          + "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
          + "\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}}],\"usage\":{\"prompt_tokens\":7,"
          + "\"completion_tokens\":3}}"));
      Turn call = new Turn(Role.ASSISTANT, "", List.of(new ToolCall("c1", "weather",
          "{\"city\":\"Rome\"}")), Optional.empty(), false);
      ModelRequest request = new ModelRequest(List.of(Turn.system("be brief"), Turn.user("Rome?"),
          call, Turn.tool("c1", "sunny"), Turn.user("And Oslo?")),
          Map.of("weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"),
          Map.of("temperature", 0.5, "max-tokens", 64, "seed", 7), "s1");

      ModelReply reply = openAi(server.baseUrl(), Map.of()).complete(request).get();

      assertThat(reply.toolCalls()).containsExactly(new ToolCall("c2", "weather",
          "{\"city\":\"Oslo\"}"));
      assertThat(reply.finishReason()).isEqualTo("tool_calls");
      assertThat(reply.inputTokens()).isEqualTo(7);
      JsonNode sent = JSON.readTree(server.requests().get(0).body());
      assertThat(server.requests().get(0).path()).isEqualTo("/v1/chat/completions");
      assertThat(sent.path("model").asText()).isEqualTo("gpt-test");
      assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
      assertThat(sent.path("seed").asInt()).isEqualTo(7);
      assertThat(sent.path("messages").get(2).path("tool_calls").get(0).path("function")
          .path("arguments").asText()).isEqualTo("{\"city\":\"Rome\"}");
      assertThat(sent.path("messages").get(3).path("tool_call_id").asText()).isEqualTo("c1");
      assertThat(sent.path("tools").get(0).path("function").path("parameters").path("type")
          .asText()).isEqualTo("object");
      assertThat(server.requests().get(0).headers().get("Authorization"))
          .containsExactly("Bearer " + Fixtures.SECRET);
    }
  }

  @Test
  void azure_style_uses_api_key_header_and_api_version() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      openAi(server.baseUrl(), Map.of("api-version", "2024-10-21")).complete(ask("hi")).get();

      assertThat(server.requests().get(0).query()).isEqualTo("api-version=2024-10-21");
      assertThat(server.requests().get(0).headers().get("Api-key")).containsExactly(Fixtures.SECRET);
    }
  }

  @Test
  void retries_429_and_honours_retry_after() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.status(429, Map.of("Retry-After", "1")));
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 3);

      ModelReply reply = client.complete(ask("hi")).get();

      assertThat(reply.text()).isEqualTo("ok");
      List<LoopbackServer.Request> requests = server.requests();
      assertThat(requests).hasSize(2);
      assertThat(requests.get(1).nanos() - requests.get(0).nanos()).isGreaterThanOrEqualTo(990_000_000L);
      assertThat(client.stats().succeededAfterRetry()).isEqualTo(1);
      assertThat(client.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void retries_500_and_503_then_succeeds() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.status(500, Map.of()),
          LoopbackServer.Reply.status(503, Map.of("retry-after-ms", "20")));
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 3);

      assertThat(client.complete(ask("hi")).get().text()).isEqualTo("ok");
      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(client.stats().retries()).isEqualTo(2);
      assertThat(client.stats().errorCount()).isZero();
    }
  }

  @Test
  void persistent_500_ends_as_counted_retryable_error_with_reason() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> LoopbackServer.Reply.status(500, Map.of()));
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 2);

      assertThatThrownBy(() -> client.complete(ask("hi")).join()).cause()
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("HTTP 500 from POST /v1/chat/completions")
          .hasMessageContaining("gave up after 3 attempts")
          .hasMessageNotContaining("nope");
      assertThat(client.stats().errors()).containsEntry(Kind.RETRYABLE, 1L);
      assertThat(client.stats().errorReasons()).hasSize(1);
    }
  }

  @Test
  void message_refusal_with_null_content_is_a_refused_reply_not_an_error() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      // Chat Completions object: choices[0].message.refusal carries the refusal, content is null.
      server.then(LoopbackServer.Reply.json("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
          + "\"refusal\":\"I'm sorry, I cannot assist with that request.\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":10}}"));

      ModelReply reply = openAi(server.baseUrl(), Map.of()).complete(ask("hi")).get();

      assertThat(reply.refusedByApi()).isTrue();
      assertThat(reply.finishReason()).isEqualTo(ModelReply.REFUSAL);
      assertThat(reply.text()).isEqualTo("I'm sorry, I cannot assist with that request.");
      assertThat(reply.outputTokens()).isEqualTo(10);
    }
  }

  @Test
  void a_null_refusal_beside_content_is_an_ordinary_reply() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"Paris.\",\"refusal\":null},\"finish_reason\":\"stop\"}]}"));

      ModelReply reply = openAi(server.baseUrl(), Map.of()).complete(ask("hi")).get();

      assertThat(reply.refusedByApi()).isFalse();
      assertThat(reply.text()).isEqualTo("Paris.");
    }
  }

  @Test
  void content_filter_reply_is_counted_and_not_retried() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> LoopbackServer.Reply.json("{\"choices\":[{\"finish_reason\":"
          + "\"content_filter\",\"message\":{\"role\":\"assistant\",\"content\":\"secret text\"}}]}"));
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 3);

      assertThatThrownBy(() -> client.complete(ask("hi")).join()).cause()
          .isInstanceOf(ModelException.class).hasMessageContaining("content_filter")
          .hasMessageNotContaining("secret text")
          .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.CONTENT_FILTERED));
      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(client.stats().errors()).containsEntry(Kind.CONTENT_FILTERED, 1L);
    }
  }

  @Test
  void empty_choices_is_malformed_then_retried_to_success() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json("{\"choices\":[]}"));
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 2);

      assertThat(client.complete(ask("hi")).get().text()).isEqualTo("ok");
      assertThat(client.stats().succeededAfterRetry()).isEqualTo(1);
    }
  }

  @Test
  void malformed_and_truncated_json_are_reported_with_a_short_reason() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json("<html>private model words</html>"),
          LoopbackServer.Reply.json("{\"choices\":[{\"message\":{\"content\":\"private mod"));
      ModelClientCall call = new ModelClientCall(openAi(server.baseUrl(), Map.of()));

      assertThat(call.failure("a")).satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
          .hasMessageContaining("body is not valid JSON").hasMessageNotContaining("private");
      assertThat(call.failure("b")).satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
          .hasMessageContaining("truncated JSON body").hasMessageNotContaining("private");
    }
  }

  @Test
  void timeout_is_retried_then_reported() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> LoopbackServer.Reply.hang());
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of("timeout", "150ms")),
          1);

      assertThatThrownBy(() -> client.complete(ask("hi")).join()).cause()
          .hasMessageContaining("Timed out after 150 ms waiting for POST /v1/chat/completions");
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(client.stats().errors()).containsEntry(Kind.RETRYABLE, 1L);
    }
  }

  @Test
  void unauthorized_is_fatal_names_the_variable_and_not_the_key() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> LoopbackServer.Reply.status(401, Map.of()));
      ResilientModelClient client = resilient(openAi(server.baseUrl(), Map.of()), 3);

      assertThatThrownBy(() -> client.complete(ask("hi")).join()).cause()
          .hasMessageContaining("HTTP 401").hasMessageContaining(Fixtures.KEY_ENV)
          .hasMessageNotContaining(Fixtures.SECRET);
      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(client.stats().errors()).containsEntry(Kind.FATAL, 1L);
    }
  }

  /** Calls a client once and returns its failure. */
  private record ModelClientCall(dev.rehearsal.model.ModelClient client) {
    ModelException failure(String text) {
      try {
        client.complete(ask(text)).join();
      } catch (java.util.concurrent.CompletionException e) {
        return (ModelException) e.getCause();
      }
      throw new AssertionError("expected a failure");
    }
  }
}
