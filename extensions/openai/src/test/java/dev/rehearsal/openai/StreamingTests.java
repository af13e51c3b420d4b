package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static dev.rehearsal.openai.Fixtures.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: {@code stream: true} for Chat Completions. Shapes as in OpenAI's streaming
 * reference: {@code data: {chat.completion.chunk}} events whose {@code choices[0].delta} carries
 * content (or refusal, or tool-call pieces by index), the last content chunk a
 * {@code finish_reason}, then, with {@code stream_options: {include_usage: true}}, a chunk with
 * empty {@code choices} and the {@code usage}, then {@code data: [DONE]}.
 */
class StreamingTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String event(String json) {
    return "data: " + json + "\n\n";
  }

  static String chunk(String delta, String finish) {
    return event("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
        + "\"finish_reason\":" + finish + "}]}");
  }

  static final String USAGE = event("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
      + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}");

  static LoopbackServer.Reply sse(String body) {
    return new LoopbackServer.Reply(200, body, Map.of("Content-Type", "text/event-stream"), false);
  }

  @Test
  void streamed_chunks_are_joined_with_the_usage_of_the_last_chunk() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(sse(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null")
          + chunk("{\"content\":\"It ships\"}", "null") + chunk("{\"content\":\" today.\"}", "null")
          + chunk("{}", "\"stop\"") + USAGE + "data: [DONE]\n\n"));

      ModelReply reply = openAi(server.baseUrl(), Map.of("stream", true)).complete(ask("hi")).get();

      JsonNode sent = JSON.readTree(server.requests().get(0).body());
      assertThat(sent.path("stream").asBoolean()).isTrue();
      assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
      assertThat(reply.text()).isEqualTo("It ships today.");
      assertThat(reply.finishReason()).isEqualTo("stop");
      assertThat(reply.inputTokens()).isEqualTo(9);
      assertThat(reply.outputTokens()).isEqualTo(4);
      assertThat(reply.usageReported()).isTrue();
    }
  }

  @Test
  void streamed_refusal_and_tool_call_pieces_are_folded() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(sse(chunk("{\"refusal\":\"I can't\"}", "null")
          + chunk("{\"refusal\":\" help.\"}", "\"stop\"") + "data: [DONE]\n\n"));
      server.then(sse(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
          + "\"function\":{\"name\":\"track\",\"arguments\":\"\"}}]}", "null")
          + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"order\\\":\"}}]}", "null")
          + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"7}\"}}]}", "\"tool_calls\"")
          + "data: [DONE]\n\n"));
      var client = openAi(server.baseUrl(), Map.of("stream", true));

      ModelReply refused = client.complete(ask("a")).get();
      ModelReply tool = client.complete(ask("b")).get();

      assertThat(refused.refusedByApi()).isTrue();
      assertThat(refused.text()).isEqualTo("I can't help.");
      // no usage chunk: counted as a reply without usage, like a non-streamed one
      assertThat(refused.usageReported()).isFalse();
      assertThat(tool.toolCalls()).singleElement().satisfies(c -> {
        assertThat(c.id()).isEqualTo("call_1");
        assertThat(c.name()).isEqualTo("track");
        assertThat(c.argumentsJson()).isEqualTo("{\"order\":7}");
      });
    }
  }

  @Test
  void stream_cut_before_done_is_malformed() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(sse(chunk("{\"content\":\"It ships\"}", "null")));
      assertThatThrownBy(() -> openAi(server.baseUrl(), Map.of("stream", true)).complete(ask("a")).get())
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ModelException.class)
          .hasMessageContaining("stream ended without data: [DONE]")
          .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.MALFORMED));
    }
  }

  @Test
  void stream_with_the_responses_api_is_rejected_at_load() {
    assertThatThrownBy(() -> new OpenAiClientProvider().validate(new dev.rehearsal.model.ModelConfig(
        "candidate", "openai", Map.of("model", "m", "api", "responses", "stream", true),
        java.util.Optional.empty())))
        .hasMessageContaining("models.candidate.stream is supported for api: chat-completions only");
  }
}
