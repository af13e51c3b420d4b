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
 * Reads OpenAI-messages JSONL: {@code {"id"?, "messages": [...], "metadata": {...}}} per line, with
 * {@code tool_calls}, {@code role: tool} turns and content given as a string or as content parts.
 */
final class OpenAiMessagesParser implements RecordParser {

  @Override
  public LoggedConversation parse(String line, String fallbackId, long lineNumber) throws BadRecordException {
    JsonNode node = JsonRecords.object(line);
    if (!node.path("messages").isArray()) {
      throw new BadRecordException("expected an object with a 'messages' array");
    }
    List<Turn> turns = new ArrayList<>();
    int i = 0;
    for (JsonNode message : node.get("messages")) {
      turns.add(turn(message, i++));
    }
    String id = node.path("id").isValueNode() ? node.get("id").asText() : fallbackId;
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonRecords.flatten("", node.path("metadata"), metadata);
    Conversation conversation = new Conversation(id, turns, metadata, tools(node.path("tools")));
    return new LoggedConversation(conversation, Map.of("logged", conversation), lineNumber);
  }

  /**
   * The log's tool declarations ({@code [{"type": "function", "function": {"name", ...}}]}), by
   * name, as function-definition JSON, so a regenerating model is offered the same tools.
   */
  static Map<String, String> tools(JsonNode tools) throws BadRecordException {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode tool : tools) {
      JsonNode function = tool.has("function") ? tool.get("function") : tool;
      if (!function.path("name").isTextual()) {
        throw new BadRecordException("tools[" + i + "] has no function.name; declare tools as"
            + " {\"type\": \"function\", \"function\": {\"name\": ..., \"parameters\": {...}}}");
      }
      out.put(function.get("name").asText(), function.toString());
      i++;
    }
    return out;
  }

  private static Turn turn(JsonNode m, int index) throws BadRecordException {
    String roleName = m.path("role").asText("");
    Role role = switch (roleName) {
      case "user" -> Role.USER;
      case "assistant" -> Role.ASSISTANT;
      case "system", "developer" -> Role.SYSTEM;
      case "tool", "function" -> Role.TOOL;
      default -> throw new BadRecordException("messages[" + index + "].role is '" + roleName
          + "'; expected system, developer, user, assistant or tool");
    };
    JsonNode content = m.path("content");
    StringBuilder text = new StringBuilder();
    boolean multimodal = false;
    if (content.isTextual()) {
      text.append(content.asText());
    } else if (content.isArray()) {
      for (JsonNode part : content) {
        if (part.path("type").asText().equals("text")) {
          text.append(part.path("text").asText());
        } else {
          multimodal = true;
        }
      }
    } else if (!content.isMissingNode() && !content.isNull()) {
      throw new BadRecordException("messages[" + index + "].content must be a string or an array of parts");
    }
    if (role == Role.TOOL && !m.path("tool_call_id").isTextual()) {
      throw new BadRecordException("messages[" + index + "] has role 'tool' but no string 'tool_call_id'");
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : m.path("tool_calls")) {
      JsonNode fn = call.path("function");
      if (!fn.path("name").isTextual()) {
        throw new BadRecordException("messages[" + index + "].tool_calls entry has no function.name");
      }
      JsonNode args = fn.path("arguments");
      calls.add(new ToolCall(call.path("id").asText(""), fn.get("name").asText(),
          args.isTextual() ? args.asText() : args.toString()));
    }
    Optional<String> callId = m.path("tool_call_id").isTextual() ? Optional.of(m.get("tool_call_id").asText()) : Optional.empty();
    return new Turn(role, text.toString(), calls, callId, multimodal);
  }
}
