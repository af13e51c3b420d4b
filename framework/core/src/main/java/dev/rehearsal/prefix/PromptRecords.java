package dev.rehearsal.prefix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Turn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one row of a single-prompt suite (a "challenging prompts" set such as XSTest or AdvBench) into
 * a one-turn conversation: the prompt column is the user turn, the id column the id, every other
 * column metadata (so segments can use e.g. {@code metadata.type}).
 */
final class PromptRecords implements RecordParser {

  private final String promptColumn;
  private final java.util.Optional<String> idColumn;

  PromptRecords(String promptColumn, java.util.Optional<String> idColumn) {
    this.promptColumn = promptColumn;
    this.idColumn = idColumn;
  }

  /** Reads a prompts-jsonl line: a flat JSON object with the prompt field. */
  @Override
  public LoggedConversation parse(String line, String fallbackId, long lineNumber) throws BadRecordException {
    JsonNode node = JsonRecords.object(line);
    Map<String, String> row = new LinkedHashMap<>();
    JsonRecords.flatten("", node, row);
    return row(row, fallbackId, lineNumber);
  }

  /** Builds the conversation from a row's columns by name. */
  LoggedConversation row(Map<String, String> row, String fallbackId, long lineNumber) throws BadRecordException {
    String prompt = row.get(promptColumn);
    if (prompt == null || prompt.isBlank()) {
      throw new BadRecordException("no prompt in column '" + promptColumn + "'" + (row.containsKey(promptColumn)
          ? " (it is empty)" : "; columns present: " + row.keySet() + " (set prompt-column)"));
    }
    String id = idColumn.map(row::get).filter(s -> !s.isBlank()).orElse(fallbackId);
    if (idColumn.isPresent() && !row.containsKey(idColumn.get())) {
      throw new BadRecordException("no id column '" + idColumn.get() + "'; columns present: " + row.keySet());
    }
    Map<String, String> metadata = new LinkedHashMap<>(row);
    metadata.remove(promptColumn);
    idColumn.ifPresent(metadata::remove);
    metadata.values().removeIf(String::isEmpty);
    Conversation c = new Conversation(id, List.of(Turn.user(prompt)), metadata);
    return new LoggedConversation(c, Map.of("logged", c), lineNumber);
  }
}
