package dev.rehearsal.prefix;

import dev.rehearsal.spec.SourceSpec;

/** Opens the record source a spec describes. */
final class Sources {

  private Sources() {}

  static RecordSource open(SourceSpec spec) {
    RecordParser parser = parser(spec);
    if (spec.jdbc().isPresent()) {
      return new JdbcSource(spec.jdbc().get(), parser);
    }
    if (spec.format().equals("prompts-csv")) {
      return new CsvSource(spec.path().orElseThrow(),
          new PromptRecords(spec.promptColumn(), spec.idColumn(), spec.template()));
    }
    return new LineSource(spec.path().orElseThrow(), parser);
  }

  static RecordParser parser(SourceSpec spec) {
    return switch (spec.format()) {
      case "hh-rlhf" -> new HhRlhfParser();
      case "sharegpt" -> new ShareGptParser();
      case "multi-reply" -> new MultiReplyParser();
      case "prompts-csv", "prompts-jsonl" ->
          new PromptRecords(spec.promptColumn(), spec.idColumn(), spec.template());
      default -> new OpenAiMessagesParser();
    };
  }
}
