package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ConsoleProgress;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4: the OpenAI Responses API as a second wire format ({@code api: responses}).
 *
 * <p>Shapes checked against published references (found with the project's search tool): the
 * request fields {@code model}, {@code input} (a string or a list of messages whose user content
 * parts are {@code input_text}), {@code instructions}, {@code max_output_tokens},
 * {@code reasoning: {effort}}, {@code temperature} as listed by the OpenAI Python SDK's
 * {@code client.responses.create} reference and the Rust crate openai-api-rs
 * ({@code v1/responses/responses.rs}, {@code CreateResponseRequest}); the reply's
 * {@code output[]} message items with {@code content[]} parts {@code output_text} or
 * {@code {"type":"refusal","refusal":...}}, {@code status} one of completed / failed /
 * in_progress / incomplete, {@code incomplete_details.reason} max_output_tokens or content_filter,
 * and {@code usage.input_tokens / output_tokens} as in OpenRouter's typescript-sdk model docs
 * ({@code docs/models/openairesponsesrefusalcontent.md},
 * {@code openairesponsesincompletedetails.md}) and aj-foster/open-api-generator's generated
 * {@code openai/response_incomplete_details.ex} (enum max_output_tokens, content_filter).
 */
class ResponsesApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String response(String status, String incomplete, String content, String usage) {
    return "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1741476542,\"status\":\""
        + status + "\",\"error\":null,\"incomplete_details\":" + incomplete + ",\"model\":\"m\","
        + "\"output\":[{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]},"
        + "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
        + "\"content\":[" + content + "]}]" + usage + "}";
  }

  static String text(String text) {
    return "{\"type\":\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}";
  }

  static final String USAGE = ",\"usage\":{\"input_tokens\":36,\"input_tokens_details\":"
      + "{\"cached_tokens\":0},\"output_tokens\":87,\"output_tokens_details\":"
      + "{\"reasoning_tokens\":0},\"total_tokens\":123}";

  @TempDir Path project;

  private static ResilientModelClient responsesClient(LoopbackServer server) {
    return new ResilientModelClient(openAi(server.baseUrl(), Map.of("api", "responses",
        "max-completion-tokens", 300, "reasoning-effort", "low", "temperature", 0.5)),
        RuntimeSettings.defaults().withConcurrency(1).withTimeout(Duration.ofSeconds(5)));
  }

  private static ModelRequest conversation() {
    return new ModelRequest(List.of(Turn.system("Be brief."), Turn.user("Where is my order?"),
        Turn.assistant("Which order?"), Turn.user("Number 7.")), Map.of(), Map.of(), "s1");
  }

  @Test
  void round_trip_sends_the_responses_shape_and_reads_output_text_and_usage() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      // given a Responses server answering with a reasoning item and a two-part message
      server.then(LoopbackServer.Reply.json(response("completed", "null",
          text("It ships ") + "," + text("today."), USAGE)));
      // when a responses entry asks a multi-turn conversation
      ModelReply reply = responsesClient(server).complete(conversation()).get();
      // then the request went to /v1/responses with the documented fields
      LoopbackServer.Request sent = server.requests().get(0);
      assertThat(sent.path()).isEqualTo("/v1/responses");
      JsonNode body = JSON.readTree(sent.body());
      assertThat(body.path("model").asText()).isEqualTo("gpt-test");
      assertThat(body.path("instructions").asText()).isEqualTo("Be brief.");
      assertThat(body.path("max_output_tokens").asInt()).isEqualTo(300);
      assertThat(body.path("reasoning").path("effort").asText()).isEqualTo("low");
      assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
      assertThat(body.has("messages")).isFalse();
      assertThat(body.has("max_completion_tokens")).isFalse();
      assertThat(body.has("reasoning_effort")).isFalse();
      JsonNode input = body.path("input");
      assertThat(input).hasSize(3);
      assertThat(input.get(0).path("role").asText()).isEqualTo("user");
      assertThat(input.get(0).path("content").get(0).path("type").asText()).isEqualTo("input_text");
      assertThat(input.get(0).path("content").get(0).path("text").asText())
          .isEqualTo("Where is my order?");
      assertThat(input.get(1).path("role").asText()).isEqualTo("assistant");
      assertThat(input.get(1).path("content").get(0).path("type").asText()).isEqualTo("output_text");
      assertThat(input.get(2).path("content").get(0).path("text").asText()).isEqualTo("Number 7.");
      // and the reply is the message's text parts joined, with the reported usage
      assertThat(reply.text()).isEqualTo("It ships today.");
      assertThat(reply.finishReason()).isEqualTo("stop");
      assertThat(reply.inputTokens()).isEqualTo(36);
      assertThat(reply.outputTokens()).isEqualTo(87);
      assertThat(reply.usageReported()).isTrue();
    }
  }

  @Test
  void refusal_content_part_is_a_refused_reply_not_an_error() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json(response("completed", "null",
          "{\"type\":\"refusal\",\"refusal\":\"I can't help with that.\"}", USAGE)));
      ModelReply reply = responsesClient(server).complete(conversation()).get();
      assertThat(reply.refusedByApi()).isTrue();
      assertThat(reply.text()).isEqualTo("I can't help with that.");
    }
  }

  @Test
  void incomplete_at_max_output_tokens_is_counted_as_cut_short() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json(response("incomplete",
          "{\"reason\":\"max_output_tokens\"}", text("It ships"), USAGE)));
      ResilientModelClient client = responsesClient(server);
      ModelReply reply = client.complete(conversation()).get();
      assertThat(reply.text()).isEqualTo("It ships");
      assertThat(reply.finishReason()).isEqualTo("length");
      assertThat(client.stats().repliesCutShort()).isEqualTo(1);
      assertThat(ConsoleProgress.line("candidate", 1, client.stats()))
          .contains("cut at token limit: 1");
    }
  }

  @Test
  void incomplete_by_content_filter_is_a_filtered_call() {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json(response("incomplete",
          "{\"reason\":\"content_filter\"}", text(""), USAGE)));
      assertThatThrownBy(() -> responsesClient(server).complete(conversation()).get())
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ModelException.class)
          .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(Kind.CONTENT_FILTERED));
    }
  }

  @Test
  void reply_without_usage_is_counted_and_warned() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(LoopbackServer.Reply.json(response("completed", "null", text("ok"), "")));
      ResilientModelClient client = responsesClient(server);
      ModelReply reply = client.complete(conversation()).get();
      assertThat(reply.usageReported()).isFalse();
      assertThat(client.stats().repliesWithoutUsage()).isEqualTo(1);
      assertThat(ConsoleProgress.line("candidate", 1, client.stats()))
          .contains("replies without usage: 1");
    }
  }

  @Test
  void rejected_request_names_the_servers_code_and_param() {
    try (LoopbackServer server = new LoopbackServer()) {
      // the error object of the Responses API is the same {"error": {...}} as Chat Completions'
      server.then(new LoopbackServer.Reply(400, "{\"error\":{\"message\":\"Unsupported parameter:"
          + " 'temperature' is not supported with this model.\",\"type\":"
          + "\"invalid_request_error\",\"param\":\"temperature\",\"code\":"
          + "\"unsupported_parameter\"}}", Map.of(), false));
      assertThatThrownBy(() -> responsesClient(server).complete(conversation()).get())
          .cause().isInstanceOf(ModelException.class)
          .hasMessageContaining("HTTP 400 from POST /v1/responses")
          .hasMessageContaining("error.code unsupported_parameter, error.param temperature");
    }
  }

  @Test
  void unknown_api_is_a_spec_error_at_the_key() throws Exception {
    Path gate = writeGate("api: assistants");
    assertThatThrownBy(() -> load(gate))
        .hasMessageContaining("api must be chat-completions (POST /chat/completions) or responses")
        .hasMessageContaining("was 'assistants'")
        .hasMessageContaining("t.gate.yaml:12:");
  }

  @Test
  void seed_under_the_responses_api_is_a_spec_error_at_the_key() throws Exception {
    Path gate = writeGate("api: responses, seed: 7");
    assertThatThrownBy(() -> load(gate))
        .hasMessageContaining("seed is not a Responses API parameter (api: responses)")
        .hasMessageContaining("t.gate.yaml:12:");
  }

  private Object load(Path gate) {
    return new GateSpecLoader(new SpecContext(project, project, name -> Optional.empty())).load(gate);
  }

  private Path writeGate(String extra) throws Exception {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"hi\"},{\"role\":\"assistant\",\"content\":\"Hello.\"}]}\n");
    return Files.writeString(project.resolve("t.gate.yaml"), """
        gate: api
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "http://127.0.0.1:9/v1", model: m,
            %s }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
        """.formatted(extra));
  }
}
