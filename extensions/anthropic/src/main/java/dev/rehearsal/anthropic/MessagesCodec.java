package dev.rehearsal.anthropic;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns requests into Messages API JSON and back: system turns go to {@code system}, tool calls
 * are {@code tool_use} blocks, tool results are {@code tool_result} blocks of a user message.
 */
final class MessagesCodec {

  private static final Map<String, String> WIRE = Map.of("temperature", "temperature",
      "max-tokens", "max_tokens", "top-p", "top_p", "stop", "stop_sequences");

  private final ObjectMapper json;
  private final String endpoint;

  MessagesCodec(ObjectMapper json, String endpoint) {
    this.json = json;
    this.endpoint = endpoint;
  }

  byte[] encode(String model, ModelRequest request, Map<String, Object> defaults) {
    ObjectNode body = json.createObjectNode().put("model", model).put("max_tokens", 1024);
    StringBuilder system = new StringBuilder();
    ArrayNode messages = body.putArray("messages");
    for (Turn turn : request.messages()) {
      if (turn.role() == Role.SYSTEM) {
        system.append(system.length() == 0 ? "" : "\n\n").append(turn.text());
      } else {
        messages.add(message(turn));
      }
    }
    if (system.length() > 0) {
      body.put("system", system.toString());
    }
    Map<String, Object> sampling = new HashMap<>(defaults);
    sampling.putAll(request.parameters());
    WIRE.forEach((key, wire) -> {
      if (sampling.containsKey(key)) {
        body.set(wire, json.valueToTree(sampling.get(key)));
      }
    });
    ArrayNode tools = body.putArray("tools");
    request.tools().forEach((name, schema) -> tools.addObject().put("name", name)
        .set("input_schema", parse(schema.getBytes(StandardCharsets.UTF_8), true)));
    if (tools.isEmpty()) {
      body.remove("tools");
    }
    try {
      return json.writeValueAsBytes(body);
    } catch (JacksonException e) {
      throw new IllegalStateException("Cannot write request JSON for " + endpoint, e);
    }
  }

  private ObjectNode message(Turn turn) {
    ObjectNode m = json.createObjectNode()
        .put("role", turn.role() == Role.ASSISTANT ? "assistant" : "user");
    ArrayNode content = m.putArray("content");
    if (turn.role() == Role.TOOL) {
      content.addObject().put("type", "tool_result")
          .put("tool_use_id", turn.toolCallId().orElse("")).put("content", turn.text());
      return m;
    }
    if (!turn.text().isEmpty()) {
      content.addObject().put("type", "text").put("text", turn.text());
    }
    for (ToolCall call : turn.toolCalls()) {
      content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
          .set("input", parse(call.argumentsJson().getBytes(StandardCharsets.UTF_8), true));
    }
    return m;
  }

  ModelReply decode(byte[] body, Duration latency) {
    JsonNode root = parse(body, false);
    String stop = root.path("stop_reason").asText("");
    JsonNode content = root.path("content");
    if (!content.isArray()) {
      throw HttpFailures.malformed("no content array in the reply", endpoint);
    }
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      switch (block.path("type").asText("")) {
        case "text" -> text.append(block.path("text").asText(""));
        case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(""),
            block.path("name").asText(""), block.path("input").toString()));
        default -> { }
      }
    }
    JsonNode usage = root.path("usage");
    if (stop.equals("refusal")) {
      // stop_reason "refusal": the API refused; any text streamed before it is kept, tool calls are not.
      String shown = text.length() > 0 ? text.toString() : root.path("stop_details").path("explanation").asText("");
      return new ModelReply(shown, List.of(), ModelReply.REFUSAL, usage.path("input_tokens").asLong(0),
          usage.path("output_tokens").asLong(0), latency, usage.isObject());
    }
    return new ModelReply(text.toString(), calls, stop, usage.path("input_tokens").asLong(0),
        usage.path("output_tokens").asLong(0), latency, usage.isObject());
  }

  private JsonNode parse(byte[] body, boolean ours) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw ours ? new IllegalArgumentException("Tool schemas and arguments must be JSON objects")
            : HttpFailures.malformed("body is not a JSON object (" + body.length + " bytes)",
                endpoint);
      }
      return node;
    } catch (JsonEOFException e) {
      throw ours ? new IllegalArgumentException("Truncated JSON in a tool schema or arguments", e)
          : HttpFailures.malformed("truncated JSON body (ended after " + body.length
              + " bytes)", endpoint);
    } catch (IOException e) {
      throw ours ? new IllegalArgumentException("Invalid JSON in a tool schema or arguments", e)
          : HttpFailures.malformed("body is not valid JSON (" + e.getClass().getSimpleName()
              + " in " + body.length + " bytes)", endpoint);
    }
  }
}
