package dev.rehearsal.prefix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Anthropic hh-rlhf lines, {@code {"chosen": "...", "rejected": "..."}}, whose dialogues
 * separate turns with {@code "\n\nHuman: "} and {@code "\n\nAssistant: "}. Prefixes are cut from
 * {@code chosen}; both versions are replayable variants.
 */
final class HhRlhfParser implements RecordParser {

  private static final Pattern TURN = Pattern.compile("\\n\\n(Human|Assistant): ");

  @Override
  public LoggedConversation parse(String line, String fallbackId, long lineNumber) throws BadRecordException {
    JsonNode node = JsonRecords.object(line);
    if (!node.path("chosen").isTextual() || !node.path("rejected").isTextual()) {
      throw new BadRecordException("expected an object with string fields 'chosen' and 'rejected'");
    }
    Conversation chosen = dialogue(fallbackId, node.get("chosen").asText());
    Conversation rejected = dialogue(fallbackId, node.get("rejected").asText());
    Map<String, Conversation> variants = new java.util.LinkedHashMap<>(); // ordered: reports list variants stably
    variants.put("chosen", chosen);
    variants.put("rejected", rejected);
    return new LoggedConversation(chosen, variants, lineNumber);
  }

  static Conversation dialogue(String id, String text) throws BadRecordException {
    Matcher m = TURN.matcher(text);
    List<Turn> turns = new ArrayList<>();
    int start = -1;
    String role = null;
    while (m.find()) {
      if (role != null) {
        turns.add(turn(role, text.substring(start, m.start())));
      } else if (!text.substring(0, m.start()).isBlank()) {
        throw new BadRecordException("text before the first 'Human:' turn");
      }
      role = m.group(1);
      start = m.end();
    }
    if (role == null) {
      throw new BadRecordException("no '\\n\\nHuman: ' turn found");
    }
    turns.add(turn(role, text.substring(start)));
    if (turns.get(0).role() != dev.rehearsal.conversation.Role.USER) {
      throw new BadRecordException("the dialogue does not start with a Human turn");
    }
    return new Conversation(id, turns, Map.of());
  }

  private static Turn turn(String role, String text) {
    return role.equals("Human") ? Turn.user(text.strip()) : Turn.assistant(text.strip());
  }
}
