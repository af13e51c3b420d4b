package dev.rehearsal.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.Budget;
import dev.rehearsal.model.runtime.ConsoleProgress;
import dev.rehearsal.model.runtime.PriceTable;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTests {

  private static final String SECRET = "sk-ant-test-53cr3t";
  private final ConcurrentLinkedQueue<String[]> replies = new ConcurrentLinkedQueue<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      keys.add(exchange.getRequestHeaders().getFirst("x-api-key"));
      String[] reply = replies.poll();
      byte[] body = reply[1].getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(Integer.parseInt(reply[0]), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ModelClient client() {
    return new AnthropicClientProvider(Map.of("ANTHROPIC_TEST_KEY", SECRET)::get).create(
        new ModelConfig("candidate", "anthropic", Map.of("base-url", "http://127.0.0.1:"
            + server.getAddress().getPort() + "/v1", "model", "claude-test", "max-tokens", 99),
            Optional.of("ANTHROPIC_TEST_KEY")));
  }

  @Test
  void is_found_through_service_loader() {
    assertThat(ModelClients.provider("anthropic")).isInstanceOf(AnthropicClientProvider.class);
  }

  @Test
  void maps_system_tool_use_and_tool_result_both_ways() throws Exception {
    replies.add(new String[] {"200", "{\"content\":[{\"type\":\"text\",\"text\":\"Checking\"},"
        + "{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"weather\",\"input\":{\"city\":\"Oslo\"}}],"
        + "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":11,\"output_tokens\":4}}"});
    Turn call = new Turn(Role.ASSISTANT, "", List.of(new ToolCall("t1", "weather",
        "{\"city\":\"Rome\"}")), Optional.empty(), false);
    ModelRequest request = new ModelRequest(List.of(Turn.system("be brief"), Turn.user("Rome?"),
        call, Turn.tool("t1", "sunny"), Turn.user("Oslo?")),
        Map.of("weather", "{\"type\":\"object\"}"), Map.of("temperature", 0), "s");

    ModelReply reply = client().complete(request).get();

    assertThat(reply.text()).isEqualTo("Checking");
    assertThat(reply.toolCalls()).containsExactly(new ToolCall("t2", "weather",
        "{\"city\":\"Oslo\"}"));
    assertThat(reply.inputTokens()).isEqualTo(11);
    JsonNode sent = new ObjectMapper().readTree(bodies.get(0));
    assertThat(sent.path("system").asText()).isEqualTo("be brief");
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(99);
    assertThat(sent.path("messages").get(1).path("content").get(0).path("type").asText())
        .isEqualTo("tool_use");
    assertThat(sent.path("messages").get(2).path("content").get(0).path("tool_use_id").asText())
        .isEqualTo("t1");
    assertThat(sent.path("tools").get(0).path("input_schema").path("type").asText())
        .isEqualTo("object");
    assertThat(keys).containsExactly(SECRET);
  }

  @Test
  void refusal_stop_reason_is_a_refused_reply_not_an_error() throws Exception {
    // Documented shape (Anthropic, "Streaming refusals"): HTTP 200, the text written before the
    // classifier intervened, stop_reason "refusal", stop_details with category and explanation.
    replies.add(new String[] {"200", "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"Hello..\"}],\"stop_reason\":\"refusal\","
        + "\"stop_details\":{\"type\":\"refusal\",\"category\":\"cyber\",\"explanation\":\"declined\"},"
        + "\"usage\":{\"input_tokens\":12,\"output_tokens\":2}}"});

    ModelReply reply = client().complete(Fixture.ask()).get();

    assertThat(reply.refusedByApi()).isTrue();
    assertThat(reply.text()).isEqualTo("Hello..");
    assertThat(reply.outputTokens()).isEqualTo(2);
  }

  @Test
  void refusal_without_text_carries_the_stop_details_explanation() throws Exception {
    replies.add(new String[] {"200", "{\"content\":[],\"stop_reason\":\"refusal\","
        + "\"stop_details\":{\"type\":\"refusal\",\"explanation\":\"This request was declined.\"}}"});

    ModelReply reply = client().complete(Fixture.ask()).get();

    assertThat(reply.refusedByApi()).isTrue();
    assertThat(reply.text()).isEqualTo("This request was declined.");
  }

  @Test
  void overloaded_529_is_retryable_and_401_is_fatal_without_the_key() {
    replies.add(new String[] {"529", "{\"type\":\"error\"}"});
    replies.add(new String[] {"401", "{\"type\":\"error\"}"});
    ModelClient client = client();

    assertThatThrownBy(() -> client.complete(Fixture.ask()).join()).cause()
        .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.RETRYABLE))
        .hasMessageContaining("HTTP 529 from POST /v1/messages");
    assertThatThrownBy(() -> client.complete(Fixture.ask()).join()).cause()
        .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.FATAL))
        .hasMessageContaining("ANTHROPIC_TEST_KEY").hasMessageNotContaining(SECRET);
  }

  @Test
  void truncated_body_is_malformed() {
    replies.add(new String[] {"200", "{\"content\":[{\"type\":\"text\",\"text\":\"hal"});

    assertThatThrownBy(() -> client().complete(Fixture.ask()).join()).cause()
        .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.MALFORMED))
        .hasMessageContaining("truncated JSON body").hasMessageNotContaining("hal");
  }

  @Test
  void reply_without_usage_is_counted_and_warned_and_fails_closed_under_a_cost_cap() throws Exception {
    // given a Messages-compatible server that omits usage (documented replies always carry it)
    String noUsage = "{\"type\":\"message\",\"role\":\"assistant\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\"}";
    replies.add(new String[] {"200", noUsage});
    replies.add(new String[] {"200", noUsage});
    ResilientModelClient plain = new ResilientModelClient(client(), RuntimeSettings.defaults());
    ResilientModelClient capped = new ResilientModelClient(client(), RuntimeSettings.defaults()
        .withBudget(new Budget(0, 0, 1.0), new PriceTable(1, 2)));

    // when each asks once
    ModelReply reply = plain.complete(Fixture.ask()).get();
    Throwable failure = capped.complete(Fixture.ask()).handle((r, e) -> e).get();

    // then the reply is counted and shown; under a cost cap it is an error, not a free call
    assertThat(reply.usageReported()).isFalse();
    assertThat(plain.stats().repliesWithoutUsage()).isEqualTo(1);
    assertThat(ConsoleProgress.line("candidate", 1, plain.stats()))
        .contains("replies without usage: 1");
    assertThat(failure).hasMessageContaining("carries no token usage");
    assertThat(capped.stats().repliesWithoutUsage()).isEqualTo(1);
    assertThat(capped.stats().errorCount()).isEqualTo(1);
  }

  @Test
  void max_tokens_stop_reason_is_counted_as_cut_short() throws Exception {
    replies.add(new String[] {"200", "{\"content\":[{\"type\":\"text\",\"text\":\"It ships\"}],"
        + "\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":5,\"output_tokens\":99}}"});
    ResilientModelClient client = new ResilientModelClient(client(), RuntimeSettings.defaults());

    ModelReply reply = client.complete(Fixture.ask()).get();

    assertThat(reply.usageReported()).isTrue();
    assertThat(client.stats().repliesCutShort()).isEqualTo(1);
    assertThat(client.stats().repliesWithoutUsage()).isZero();
  }

  private static final class Fixture {
    static ModelRequest ask() {
      return new ModelRequest(List.of(Turn.user("hi")), Map.of(), Map.of(), "s");
    }
  }
}
