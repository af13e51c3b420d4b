package dev.rehearsal.model.runtime.tools;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds logged tool results and writes the simulator's prompt. */
final class ToolAnswers {

  private ToolAnswers() {}

  /** The logged result of a call with the same name and canonically equal arguments. */
  static Optional<String> replay(Conversation logged, ToolCall call) {
    String args = canonical(call.argumentsJson());
    for (String[] pair : pairs(logged, call.name())) {
      if (canonical(pair[0]).equals(args)) {
        return Optional.of(pair[1]);
      }
    }
    return Optional.empty();
  }

  /** Logged (arguments, result) pairs of one tool. */
  static List<String[]> pairs(Conversation logged, String tool) {
    List<String[]> pairs = new ArrayList<>();
    for (Turn turn : logged.turns()) {
      for (ToolCall c : turn.toolCalls()) {
        if (c.name().equals(tool)) {
          result(logged, c.id()).ifPresent(r -> pairs.add(new String[] {c.argumentsJson(), r}));
        }
      }
    }
    return pairs;
  }

  private static Optional<String> result(Conversation logged, String callId) {
    return logged.turns().stream()
        .filter(t -> t.role() == Role.TOOL && t.toolCallId().equals(Optional.of(callId)))
        .map(Turn::text).findFirst();
  }

  private static String canonical(String json) {
    return CanonicalJson.ofText(json).orElse(json.strip());
  }

  /** The request that asks the simulator to write the tool's result. */
  static ModelRequest simulation(ModelRequest request, Conversation logged, ToolCall call) {
    StringBuilder prompt = new StringBuilder("Tool: ").append(call.name())
        .append("\nSchema: ").append(request.tools().getOrDefault(call.name(), "{}"))
        .append("\nArguments: ").append(call.argumentsJson()).append("\nConversation:\n");
    request.messages().forEach(t -> prompt.append(t.role().wireName()).append(": ")
        .append(t.text()).append('\n'));
    prompt.append("Logged calls of this tool and their results:\n");
    pairs(logged, call.name()).forEach(p -> prompt.append(p[0]).append(" -> ").append(p[1])
        .append('\n'));
    return new ModelRequest(List.of(Turn.system("You simulate a tool. Reply with the tool's"
        + " result only, in the format its logged results use."), Turn.user(prompt.toString())),
        Map.of(), Map.of("temperature", 0), request.sampleKey() + "/tool/" + call.id());
  }
}
