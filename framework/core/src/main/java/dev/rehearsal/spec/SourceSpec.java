package dev.rehearsal.spec;

import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A conversation log or prompt suite: a file (gzip is detected from its bytes), a JDBC query that
 * returns one record per row, or a log table that its engine samples itself ({@code sql}).
 *
 * @param format the record format: {@code hh-rlhf}, {@code openai-messages}, {@code sharegpt},
 *     {@code prompts-csv}, {@code prompts-jsonl}, {@code multi-reply}, or {@code turn-rows} (one row per
 *     turn, {@code sql} only)
 * @param path the resolved file; empty for a JDBC source
 * @param jdbc the query; empty for a file source
 * @param promptColumn for prompt suites, the column (or JSON field) holding the prompt
 * @param idColumn for prompt suites, the column holding a stable id (else file:line)
 * @param mark where the source is declared
 * @param template for prompt suites, the template that builds the prompt from several columns
 *     (instead of {@code promptColumn})
 * @param sql the log table sampled inside its engine; empty for file and JDBC sources
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SourceSpec(
    String format, Optional<Path> path, Optional<JdbcSpec> jdbc, String promptColumn, Optional<String> idColumn,
    Mark mark, Optional<PromptTemplate> template, Optional<SqlSpec> sql) {

  /** A file or JDBC source, with a prompt template. */
  public SourceSpec(String format, Optional<Path> path, Optional<JdbcSpec> jdbc, String promptColumn,
      Optional<String> idColumn, Mark mark, Optional<PromptTemplate> template) {
    this(format, path, jdbc, promptColumn, idColumn, mark, template, Optional.empty());
  }

  /** A source without a prompt template. */
  public SourceSpec(String format, Optional<Path> path, Optional<JdbcSpec> jdbc, String promptColumn,
      Optional<String> idColumn, Mark mark) {
    this(format, path, jdbc, promptColumn, idColumn, mark, Optional.empty());
  }

  /** A file source in a conversation format. */
  public static SourceSpec file(String format, Path path, Mark mark) {
    return new SourceSpec(format, Optional.of(path), Optional.empty(), "prompt", Optional.empty(), mark);
  }

  /** Whether records are single prompts (one user turn, no logged reply) rather than conversations. */
  public boolean promptSuite() {
    return format.startsWith("prompts-");
  }
}
