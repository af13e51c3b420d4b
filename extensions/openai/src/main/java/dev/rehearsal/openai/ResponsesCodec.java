package dev.rehearsal.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI Responses API ({@code POST /v1/responses}): system turns become {@code instructions},
 * the rest {@code input} items; the reply's {@code output[]} message items give the text, a
 * {@code refusal} content part a refused reply, {@code status: incomplete} a cut-short one.
 */
final class ResponsesCodec implements WireCodec {

  /** Spec keys and their Responses names; reasoning-effort goes under {@code reasoning.effort}. */
  private static final Map<String, String> WIRE = Map.of("temperature", "temperature",
      "top-p", "top_p", "max-tokens", "max_output_tokens",
      "max-completion-tokens", "max_output_tokens");

  private final ObjectMapper json;
  private final String endpoint;
  /** Error bodies have the same {@code {"error": {...}}} shape on both APIs. */
  private final ChatCompletionsCodec errors;

  ResponsesCodec(ObjectMapper json, String endpoint) {
    this.json = json;
    this.endpoint = endpoint;
    this.errors = new ChatCompletionsCodec(json, endpoint);
  }

  @Override
  public byte[] encode(String model, ModelRequest request, Map<String, Object> defaults) {
    Map<String, Object> values = new HashMap<>(defaults);
    values.putAll(request.parameters());
    ObjectNode body = json.createObjectNode().put("model", model);
    String instructions = instructions(request.messages());
    if (!instructions.isEmpty()) {
      body.put("instructions", instructions);
    }
    ArrayNode input = body.putArray("input");
    request.messages().stream().filter(t -> t.role() != Role.SYSTEM).forEach(t -> item(input, t));
    WIRE.forEach((key, wire) -> {
      if (values.containsKey(key)) {
        body.putPOJO(wire, values.get(key));
      }
    });
    if (values.containsKey("reasoning-effort")) {
      body.putObject("reasoning").putPOJO("effort", values.get("reasoning-effort"));
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      request.tools().forEach((name, schema) -> tools.add(tool(name, schema)));
    }
    try {
      return json.writeValueAsBytes(body);
    } catch (JacksonException e) {
      throw new IllegalStateException("Cannot write request JSON for " + endpoint, e);
    }
  }

  private static String instructions(List<Turn> turns) {
    return String.join("\n\n", turns.stream().filter(t -> t.role() == Role.SYSTEM)
        .map(Turn::text).toList());
  }

  /** A user turn is a message of input_text parts; tool traffic is function_call items. */
  private static void item(ArrayNode input, Turn turn) {
    if (turn.role() == Role.TOOL) {
      input.addObject().put("type", "function_call_output")
          .put("call_id", turn.toolCallId().orElse("")).put("output", turn.text());
      return;
    }
    boolean assistant = turn.role() == Role.ASSISTANT;
    if (!assistant || !turn.text().isEmpty()) {
      ObjectNode message = input.addObject().put("type", "message")
          .put("role", turn.role().wireName());
      message.putArray("content").addObject().put("type", assistant ? "output_text" : "input_text")
          .put("text", turn.text());
    }
    for (ToolCall call : turn.toolCalls()) {
      input.addObject().put("type", "function_call").put("call_id", call.id())
          .put("name", call.name()).put("arguments", call.argumentsJson());
    }
  }

  /** Responses function tools are flat: {type, name, description?, parameters}. */
  private ObjectNode tool(String name, String schema) {
    ObjectNode tool = json.createObjectNode().put("type", "function").put("name", name);
    JsonNode parsed;
    try {
      parsed = json.readTree(schema.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("A tool schema is not valid JSON: "
          + e.getClass().getSimpleName(), e);
    }
    if (parsed.has("parameters")) {
      parsed.properties().forEach(e -> tool.set(e.getKey(), e.getValue()));
      tool.put("name", name);
    } else {
      tool.set("parameters", parsed);
    }
    return tool;
  }

  @Override
  public ModelReply decode(byte[] body, Duration latency) {
    JsonNode root = tree(body);
    String status = root.path("status").asText("");
    String reason = root.path("incomplete_details").path("reason").asText("");
    if (status.equals("failed")) {
      throw new ModelException(Kind.RETRYABLE, "Response status failed (error.code "
          + identifier(root.path("error").path("code")) + ") from " + endpoint);
    }
    if (reason.equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter stopped the reply (incomplete_details.reason"
              + " content_filter) at " + endpoint);
    }
    JsonNode output = root.path("output");
    if (!output.isArray()) {
      throw HttpFailures.malformed("no output array in the response", endpoint);
    }
    JsonNode usage = root.path("usage");
    long in = usage.path("input_tokens").asLong(0);
    long out = usage.path("output_tokens").asLong(0);
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode item : output) {
      String type = item.path("type").asText("");
      if (type.equals("function_call")) {
        calls.add(new ToolCall(item.path("call_id").asText(""), item.path("name").asText(""),
            item.path("arguments").asText("")));
      } else if (type.equals("message")) {
        for (JsonNode part : item.path("content")) {
          if (part.path("type").asText("").equals("refusal")) {
            // The API refused: a refused reply that graders see, as for message.refusal in Chat
            // Completions, not an error.
            return new ModelReply(part.path("refusal").asText(""), List.of(), ModelReply.REFUSAL,
                in, out, latency, usage.isObject());
          }
          if (part.path("type").asText("").equals("output_text")) {
            text.append(part.path("text").asText(""));
          }
        }
      } // reasoning and other items carry no answer text
    }
    // Chat Completions' name for a reply cut at the token limit, so both APIs count alike.
    String finish = status.equals("incomplete")
        ? reason.equals("max_output_tokens") ? "length" : "incomplete"
        : calls.isEmpty() ? "stop" : "tool_calls";
    return new ModelReply(text.toString(), calls, finish, in, out, latency, usage.isObject());
  }

  private static String identifier(JsonNode node) {
    String text = node.asText("");
    return text.matches("[A-Za-z0-9_.-]{1,80}") ? text : "(not shown)";
  }

  private JsonNode tree(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw HttpFailures.malformed("body is not a JSON object (" + body.length + " bytes)",
            endpoint);
      }
      return node;
    } catch (java.io.IOException e) {
      throw HttpFailures.malformed("body is not valid JSON (" + e.getClass().getSimpleName()
          + " in " + body.length + " bytes)", endpoint);
    }
  }

  @Override
  public String errorDetail(byte[] body) {
    return errors.errorDetail(body);
  }

  @Override
  public String errorCode(byte[] body) {
    return errors.errorCode(body);
  }
}
