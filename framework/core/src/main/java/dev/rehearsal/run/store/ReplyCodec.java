package dev.rehearsal.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.text.LargeJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  static Optional<ModelReply> decode(String payload) {
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
