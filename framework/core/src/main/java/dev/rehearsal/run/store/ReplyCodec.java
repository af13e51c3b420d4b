package dev.rehearsal.run.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.text.LargeJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Stores a {@link ModelReply} as JSON and reads it back. */
final class ReplyCodec {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private ReplyCodec() {}

  static String encode(ModelReply reply) {
    ObjectNode n = JSON.createObjectNode().put("text", reply.text())
        .put("finishReason", reply.finishReason()).put("inputTokens", reply.inputTokens())
        .put("outputTokens", reply.outputTokens()).put("latencyMicros",
            reply.latency().toNanos() / 1000);
    var calls = n.putArray("toolCalls");
    reply.toolCalls().forEach(c -> calls.addObject().put("id", c.id()).put("name", c.name())
        .put("arguments", c.argumentsJson()));
    return n.toString();
  }

  /**
   * The reply stored as {@code payload}, or empty when it is not one. Read token by token when it has
   * the shape {@link #encode} writes (a warm rerun decodes 10^5 replies; building each one's tree
   * first took a third of reading them), else by {@link #tree}, as payloads always were.
   */
  static Optional<ModelReply> decode(String payload) {
    try (JsonParser p = JSON.getFactory().createParser(payload)) {
      Optional<ModelReply> reply = streamed(p);
      if (reply.isPresent()) {
        return reply;
      }
    } catch (IOException e) {
      // Not JSON as far as the token reader got: the tree reader gives the verdict.
    }
    return tree(payload);
  }

  /**
   * The reply stored as the UTF-8 bytes {@code payload}: {@code decode(new String(payload, UTF_8))},
   * read from the bytes without a String of the whole payload (the run store hands out SQLite's
   * stored bytes as they are).
   */
  static Optional<ModelReply> decode(byte[] payload) {
    ModelReply written = WrittenReply.read(payload);
    if (written != null) {
      return Optional.of(written);
    }
    try (JsonParser p = JSON.getFactory().createParser(payload)) {
      Optional<ModelReply> reply = streamed(p);
      if (reply.isPresent()) {
        return reply;
      }
    } catch (IOException e) {
      // Not JSON, or not UTF-8, as far as the token reader got: the tree reader gives the verdict.
    }
    return tree(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The reply when the parsed payload is an object of known fields of the written types, else empty. */
  private static Optional<ModelReply> streamed(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return Optional.empty();
    }
    String text = null;
    String finish = "";
    long[] numbers = new long[3];
    List<ToolCall> calls = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      // A repeated field: the last one counts, as in the tree.
      JsonToken value = p.nextToken();
      switch (name) {
        case "text", "finishReason" -> {
          if (value != JsonToken.VALUE_STRING) {
            return Optional.empty();
          }
          if (name.equals("text")) {
            text = p.getText();
          } else {
            finish = p.getText();
          }
        }
        case "inputTokens", "outputTokens", "latencyMicros" -> {
          if (!integer(p, value)) {
            return Optional.empty();
          }
          numbers[NUMBERS.indexOf(name)] = p.getLongValue();
        }
        case "toolCalls" -> {
          calls = value == JsonToken.START_ARRAY ? calls(p) : null;
          if (calls == null) {
            return Optional.empty();
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (text == null || calls == null) {
      return Optional.empty();
    }
    return Optional.of(new ModelReply(text, calls, finish, numbers[0], numbers[1],
        Duration.ofNanos(numbers[2] * 1000)));
  }

  private static final List<String> NUMBERS = List.of("inputTokens", "outputTokens", "latencyMicros");

  /** Whether the current value is an integer that fits a long (asLong() gives it as is). */
  private static boolean integer(JsonParser p, JsonToken value) throws IOException {
    return value == JsonToken.VALUE_NUMBER_INT && (p.getNumberType() == JsonParser.NumberType.INT
        || p.getNumberType() == JsonParser.NumberType.LONG);
  }

  /** The tool calls of an array of objects of string id, name and arguments, else null. */
  private static @Nullable List<ToolCall> calls(JsonParser p) throws IOException {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, String> fields = new HashMap<>();
      for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
        String name = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING || !CALL_FIELDS.contains(name)
            || fields.put(name, p.getText()) != null) {
          return null;
        }
      }
      calls.add(new ToolCall(fields.getOrDefault("id", ""), fields.getOrDefault("name", ""),
          fields.getOrDefault("arguments", "")));
    }
    return calls.isEmpty() ? List.of() : calls;
  }

  private static final Set<String> CALL_FIELDS = Set.of("id", "name", "arguments");

  /** The reply read through Jackson's tree: what every payload went through before. */
  static Optional<ModelReply> tree(String payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (n == null || !n.path("text").isTextual() || !n.path("toolCalls").isArray()) {
        return Optional.empty();
      }
      List<ToolCall> calls = new ArrayList<>();
      n.path("toolCalls").forEach(c -> calls.add(new ToolCall(c.path("id").asText(),
          c.path("name").asText(), c.path("arguments").asText())));
      return Optional.of(new ModelReply(n.path("text").asText(), calls,
          n.path("finishReason").asText(""), n.path("inputTokens").asLong(),
          n.path("outputTokens").asLong(), Duration.ofNanos(n.path("latencyMicros").asLong() * 1000)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
