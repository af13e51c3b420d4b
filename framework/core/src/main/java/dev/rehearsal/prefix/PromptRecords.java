package dev.rehearsal.prefix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.spec.PromptTemplate;
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
  private final java.util.Optional<PromptTemplate> template;

  PromptRecords(String promptColumn, java.util.Optional<String> idColumn) {
    this(promptColumn, idColumn, java.util.Optional.empty());
  }

  /** With a template, the prompt is built from the columns it names instead of one column. */
  PromptRecords(String promptColumn, java.util.Optional<String> idColumn,
      java.util.Optional<PromptTemplate> template) {
    this.promptColumn = promptColumn;
    this.idColumn = idColumn;
    this.template = template;
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
    if (template.isPresent()) {
      return templated(row, fallbackId, lineNumber, template.get());
    }
    String prompt = row.get(promptColumn);
    if (prompt == null || prompt.isBlank()) {
      throw new BadRecordException("no prompt in column '" + promptColumn + "'" + (row.containsKey(promptColumn)
          ? " (it is empty)" : "; columns present: " + row.keySet() + " (set prompt-column)"));
    }
    return conversation(row, fallbackId, lineNumber, prompt, java.util.Set.of(promptColumn));
  }

  private LoggedConversation templated(Map<String, String> row, String fallbackId, long lineNumber,
      PromptTemplate t) throws BadRecordException {
    java.util.Optional<String> missing = t.missing(row.keySet());
    if (missing.isPresent()) {
      throw new BadRecordException("the template names column '" + missing.get() + "', which this"
          + " record does not have; columns present: " + row.keySet());
    }
    String prompt = t.render(row);
    if (prompt.isEmpty()) {
      throw new BadRecordException("the template " + t.columns() + " gives an empty prompt (every"
          + " column it names is empty)");
    }
    return conversation(row, fallbackId, lineNumber, prompt, t.columns());
  }

  /** The one-turn conversation; the other columns (prompt columns and id removed) are metadata. */
  private LoggedConversation conversation(Map<String, String> row, String fallbackId, long lineNumber,
      String prompt, java.util.Set<String> promptColumns) throws BadRecordException {
    String id = idColumn.map(row::get).filter(s -> !s.isBlank()).orElse(fallbackId);
    if (idColumn.isPresent() && !row.containsKey(idColumn.get())) {
      throw new BadRecordException("no id column '" + idColumn.get() + "'; columns present: " + row.keySet());
    }
    Map<String, String> metadata = new LinkedHashMap<>(row);
    metadata.keySet().removeAll(promptColumns);
    idColumn.ifPresent(metadata::remove);
    metadata.values().removeIf(String::isEmpty);
    Conversation c = new Conversation(id, List.of(Turn.user(prompt)), metadata);
    return new LoggedConversation(c, Map.of("logged", c), lineNumber);
  }
}
