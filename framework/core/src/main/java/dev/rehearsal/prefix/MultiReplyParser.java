package dev.rehearsal.prefix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads multi-reply JSONL: one prefix and several logged replies to it, one per named model, with
 * metadata: {@code {"id"?, "messages": [... ending with a user turn], "replies": {"model-a": "...",
 * "model-b": "..."}, "meta": {...}}}. Each reply name is a replay variant ({@code replay: model-a}),
 * so two logged models are compared by segment without regenerating anything. Only the last user
 * turn is eligible: the replies answer it, and earlier turns are context (issue 15 item 5).
 */
final class MultiReplyParser implements RecordParser {

  /** The eligibility reason of the context turns before the replied one. */
  static final String CONTEXT_TURN = "multi-reply-context-turn";

  private final OpenAiMessagesParser messages = new OpenAiMessagesParser();

  @Override
  public LoggedConversation parse(String line, String fallbackId, long lineNumber)
      throws BadRecordException {
    JsonNode node = JsonRecords.object(line);
    Conversation prefix = messages.parse(line, fallbackId, lineNumber).conversation();
    List<Turn> turns = prefix.turns();
    if (turns.isEmpty() || turns.get(turns.size() - 1).role() != Role.USER) {
      throw new BadRecordException("'messages' must end with the user turn the replies answer (at"
          + column(line, "messages") + "); put the replies under 'replies', not in 'messages'");
    }
    JsonNode replies = node.path("replies");
    if (!replies.isObject() || replies.isEmpty()) {
      throw new BadRecordException("expected a non-empty 'replies' object of model name to reply"
          + " text (at" + column(line, "replies") + "), e.g. \"replies\": {\"model-a\": \"...\"}");
    }
    Map<String, String> metadata = new LinkedHashMap<>(prefix.metadata());
    JsonRecords.flatten("", node.path("meta"), metadata);
    Map<String, Conversation> variants = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> reply : replies.properties()) {
      JsonNode text = reply.getValue();
      if (text.isNull()) {
        continue; // no reply logged for this model: its replay counts an error, as for a missing turn
      }
      if (!text.isTextual()) {
        throw new BadRecordException("replies." + reply.getKey() + " must be a string (the reply"
            + " text) or null, was " + text.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
            + " (at" + column(line, reply.getKey()) + ")");
      }
      List<Turn> answered = new ArrayList<>(turns);
      answered.add(Turn.assistant(text.asText()));
      variants.put(reply.getKey(), new Conversation(prefix.id(), answered, metadata, prefix.tools()));
    }
    if (variants.isEmpty()) {
      throw new BadRecordException("every reply under 'replies' is null (at" + column(line, "replies")
          + "); give at least one model's reply");
    }
    // Prefixes are cut from the first reply's conversation; the turns they keep are the same in all.
    return new LoggedConversation(variants.values().iterator().next(), variants, lineNumber);
  }

  /** {@code " column 37"}: the 1-based column of the key in the line, to find it in a long record. */
  static String column(String line, String key) {
    int at = line.indexOf("\"" + key + "\"");
    return at < 0 ? " the top level" : " column " + (at + 1);
  }
}
