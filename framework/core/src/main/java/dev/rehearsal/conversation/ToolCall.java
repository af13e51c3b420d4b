package dev.rehearsal.conversation;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A tool call made by an assistant turn.
 *
 * @param id the call id that a later {@link Role#TOOL} turn answers
 * @param name the tool's name
 * @param argumentsJson the arguments as a JSON text, as the model wrote them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolCall(String id, String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argumentsJson, "argumentsJson");
  }
}
