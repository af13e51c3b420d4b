package dev.rehearsal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.runtime.HttpFailures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds a streamed Chat Completions reply ({@code stream: true}, server-sent events of
 * {@code chat.completion.chunk} objects, then {@code data: [DONE]}) into one reply: the
 * {@code delta.content} pieces joined, {@code delta.refusal} as an API refusal, tool-call pieces
 * joined by {@code index}, the last {@code finish_reason}, and the {@code usage} of the final chunk
 * that {@code stream_options.include_usage} asks for. A stream without {@code [DONE]} is truncated.
 */
final class ChatStreamDecoder {

  private final ObjectMapper json;
  private final String endpoint;

  ChatStreamDecoder(ObjectMapper json, String endpoint) {
    this.json = json;
    this.endpoint = endpoint;
  }

  ModelReply decode(byte[] body, Duration latency) {
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    Map<Integer, String[]> calls = new TreeMap<>(); // index -> {id, name, arguments}
    String finish = "";
    JsonNode usage = null;
    boolean done = false;
    for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
      if (!line.startsWith("data:")) {
        continue; // event:, id:, comments and the blank lines between events
      }
      String data = line.substring(5).strip();
      if (data.equals("[DONE]")) {
        done = true;
        break;
      }
      JsonNode chunk = chunk(data);
      if (chunk.path("usage").isObject()) {
        usage = chunk.get("usage");
      }
      for (JsonNode choice : chunk.path("choices")) {
        if (choice.path("index").asInt(0) != 0) {
          continue;
        }
        JsonNode delta = choice.path("delta");
        text.append(delta.path("content").asText(""));
        refusal.append(delta.path("refusal").asText(""));
        for (JsonNode call : delta.path("tool_calls")) {
          String[] c = calls.computeIfAbsent(call.path("index").asInt(0), i -> new String[] {"", "", ""});
          c[0] = call.path("id").asText(c[0]);
          c[1] = c[1] + call.path("function").path("name").asText("");
          c[2] = c[2] + call.path("function").path("arguments").asText("");
        }
        if (choice.path("finish_reason").isTextual()) {
          finish = choice.get("finish_reason").asText();
        }
      }
    }
    if (!done) {
      throw HttpFailures.malformed("stream ended without data: [DONE] (" + body.length + " bytes)",
          endpoint);
    }
    if (finish.equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter stopped the reply (finish_reason content_filter) at "
              + endpoint);
    }
    long in = usage == null ? 0 : usage.path("prompt_tokens").asLong(0);
    long out = usage == null ? 0 : usage.path("completion_tokens").asLong(0);
    if (refusal.length() > 0) {
      return new ModelReply(refusal.toString(), List.of(), ModelReply.REFUSAL, in, out, latency,
          usage != null);
    }
    List<ToolCall> toolCalls = new ArrayList<>();
    calls.values().forEach(c -> toolCalls.add(new ToolCall(c[0], c[1], c[2])));
    return new ModelReply(text.toString(), toolCalls, finish, in, out, latency, usage != null);
  }

  private JsonNode chunk(String data) {
    try {
      JsonNode node = json.readTree(data);
      if (node == null || !node.isObject()) {
        throw HttpFailures.malformed("a stream event is not a JSON object", endpoint);
      }
      return node;
    } catch (java.io.IOException e) {
      throw HttpFailures.malformed("a stream event is not valid JSON (" + e.getClass().getSimpleName()
          + ")", endpoint);
    }
  }
}
