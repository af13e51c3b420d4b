package dev.rehearsal.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One message of a conversation.
 *
 * @param role who wrote it
 * @param text its text (empty for an assistant turn that only calls tools)
 * @param toolCalls the tool calls of an assistant turn
 * @param toolCallId for a tool turn, the id of the call it answers
 * @param multimodal whether the logged message had non-text content parts (images, audio)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Turn(
    Role role, String text, List<ToolCall> toolCalls, Optional<String> toolCallId, boolean multimodal) {

  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(toolCallId, "toolCallId");
  }

  public static Turn user(String text) {
    return new Turn(Role.USER, text, List.of(), Optional.empty(), false);
  }

  public static Turn assistant(String text) {
    return new Turn(Role.ASSISTANT, text, List.of(), Optional.empty(), false);
  }

  public static Turn system(String text) {
    return new Turn(Role.SYSTEM, text, List.of(), Optional.empty(), false);
  }

  public static Turn tool(String callId, String text) {
    return new Turn(Role.TOOL, text, List.of(), Optional.of(callId), false);
  }
}
