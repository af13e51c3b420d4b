package dev.rehearsal.prefix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ShareGPT-style JSONL: {@code {"id"?, "conversations": [{"from": ..., "value": ...}], ...}}.
 * {@code from} is {@code human}/{@code user}, {@code gpt}/{@code assistant}/{@code chatgpt},
 * {@code system}, {@code tool}/{@code observation} (a tool result), or {@code function_call} (an
 * assistant tool call whose value is {@code {"name", "arguments"}}, the LLaMA-Factory convention).
 * Every other top-level field becomes metadata.
 */
final class ShareGptParser implements RecordParser {

  @Override
  public LoggedConversation parse(String line, String fallbackId, long lineNumber) throws BadRecordException {
    JsonNode node = JsonRecords.object(line);
    if (!node.path("conversations").isArray()) {
      throw new BadRecordException("expected an object with a 'conversations' array of {from, value}");
    }
    List<Turn> turns = new ArrayList<>();
    int i = 0;
    String lastCallId = "";
    for (JsonNode m : node.get("conversations")) {
      Turn t = turn(m, i++, lastCallId);
      lastCallId = t.toolCalls().isEmpty() ? lastCallId : t.toolCalls().get(0).id();
      turns.add(t);
    }
    String id = node.path("id").isValueNode() ? node.get("id").asText() : fallbackId;
    Map<String, String> metadata = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (!e.getKey().equals("conversations") && !e.getKey().equals("id")) {
        JsonRecords.flatten(e.getKey(), e.getValue(), metadata);
      }
    });
    Conversation c = new Conversation(id, turns, metadata);
    return new LoggedConversation(c, Map.of("logged", c), lineNumber);
  }

  private static Turn turn(JsonNode m, int index, String lastCallId) throws BadRecordException {
    String from = m.path("from").asText("");
    if (!m.path("value").isTextual()) {
      throw new BadRecordException("conversations[" + index + "].value must be a string");
    }
    String value = m.get("value").asText();
    return switch (from) {
      case "human", "user" -> Turn.user(value);
      case "gpt", "assistant", "chatgpt", "bard", "bing" -> Turn.assistant(value);
      case "system" -> Turn.system(value);
      case "tool", "observation", "function_response" -> Turn.tool(lastCallId, value);
      case "function_call" -> call(value, index);
      default -> throw new BadRecordException("conversations[" + index + "].from is '" + from
          + "'; expected human, gpt, system, tool, observation or function_call");
    };
  }

  private static Turn call(String value, int index) throws BadRecordException {
    JsonNode fn;
    try {
      fn = JsonRecords.object(value);
    } catch (BadRecordException e) {
      throw new BadRecordException("conversations[" + index + "] is a function_call whose value is not a JSON object");
    }
    if (!fn.path("name").isTextual()) {
      throw new BadRecordException("conversations[" + index + "] is a function_call without a string 'name'");
    }
    JsonNode args = fn.path("arguments");
    ToolCall call = new ToolCall("call_" + index, fn.get("name").asText(), args.isTextual() ? args.asText() : args.toString());
    return new Turn(Role.ASSISTANT, "", List.of(call), Optional.empty(), false);
  }
}
