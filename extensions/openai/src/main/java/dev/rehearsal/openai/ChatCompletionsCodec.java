package dev.rehearsal.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns requests into Chat Completions JSON and replies back; never quotes bodies in errors. */
final class ChatCompletionsCodec {

  private static final Map<String, String> WIRE = Map.of("temperature", "temperature",
      "max-tokens", "max_tokens", "seed", "seed", "top-p", "top_p", "stop", "stop");

  private final ObjectMapper json;
  private final String endpoint;

  ChatCompletionsCodec(ObjectMapper json, String endpoint) {
    this.json = json;
    this.endpoint = endpoint;
  }

  byte[] encode(String model, ModelRequest request, Map<String, Object> defaults) {
    ObjectNode body = json.createObjectNode().put("model", model);
    ArrayNode messages = body.putArray("messages");
    request.messages().forEach(turn -> messages.add(message(turn)));
    Map<String, Object> sampling = new HashMap<>(defaults);
    sampling.putAll(request.parameters());
    WIRE.forEach((key, wire) -> {
      if (sampling.containsKey(key)) {
        body.set(wire, json.valueToTree(sampling.get(key)));
      }
    });
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

  private ObjectNode message(Turn turn) {
    ObjectNode m = json.createObjectNode().put("role", turn.role().wireName());
    if (turn.toolCalls().isEmpty() || !turn.text().isEmpty()) {
      m.put("content", turn.text());
    } else {
      m.putNull("content");
    }
    turn.toolCallId().ifPresent(id -> m.put("tool_call_id", id));
    if (!turn.toolCalls().isEmpty()) {
      ArrayNode calls = m.putArray("tool_calls");
      for (ToolCall call : turn.toolCalls()) {
        ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    return m;
  }

  /** A tool schema is either the JSON schema of the parameters or {description, parameters}. */
  private ObjectNode tool(String name, String schema) {
    ObjectNode t = json.createObjectNode().put("type", "function");
    ObjectNode function = t.putObject("function").put("name", name);
    JsonNode parsed = readTree(schema.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    if (parsed.has("parameters")) {
      parsed.properties().forEach(e -> function.set(e.getKey(), e.getValue()));
      function.put("name", name);
    } else {
      function.set("parameters", parsed);
    }
    return t;
  }

  ModelReply decode(byte[] body, Duration latency) {
    JsonNode root = readTree(body, false);
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw HttpFailures.malformed("no choices in the reply", endpoint);
    }
    JsonNode choice = choices.get(0);
    String finish = choice.path("finish_reason").asText("");
    if (finish.equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter stopped the reply (finish_reason content_filter) at "
              + endpoint);
    }
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw HttpFailures.malformed("choice 0 has no message object", endpoint);
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode c : message.path("tool_calls")) {
      JsonNode f = c.path("function");
      calls.add(new ToolCall(c.path("id").asText(""), f.path("name").asText(""),
          f.path("arguments").isTextual() ? f.path("arguments").asText() : f.path("arguments").toString()));
    }
    JsonNode usage = root.path("usage");
    return new ModelReply(message.path("content").asText(""), calls, finish,
        usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0), latency);
  }

  /** The short {@code error.code} of an error body, for classifying filtered prompts. */
  String errorCode(byte[] body) {
    try {
      return json.readTree(body).path("error").path("code").asText("");
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private JsonNode readTree(byte[] body, boolean schema) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw HttpFailures.malformed("body is not a JSON object (" + body.length + " bytes)",
            endpoint);
      }
      return node;
    } catch (JsonEOFException e) {
      throw HttpFailures.malformed("truncated JSON body (ended after " + body.length + " bytes)",
          endpoint);
    } catch (java.io.IOException e) {
      if (schema) {
        throw new IllegalArgumentException("A tool schema is not valid JSON: "
            + e.getClass().getSimpleName(), e);
      }
      throw HttpFailures.malformed("body is not valid JSON (" + e.getClass().getSimpleName()
          + " in " + body.length + " bytes)", endpoint);
    }
  }
}
