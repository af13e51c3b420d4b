package dev.rehearsal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSamplingTests {

  @TempDir Path dir;

  private final TurnLog log = TurnLog.generate(800, 7);

  private Sample streamed(String rules) throws IOException {
    log.writeMessages(dir.resolve("messages.jsonl"));
    return new PrefixSampler(Gates.prefixes(dir, "    format: openai-messages\n    path: messages.jsonl\n", rules)).sample();
  }

  private Sample pushed(String files, String rules) throws IOException {
    return new PrefixSampler(Gates.prefixes(dir, "    format: turn-rows\n    sql: { files: \"" + files + "\" }\n", rules))
        .sample();
  }

  /** Turn rows as JSON lines in two files, copied by DuckDB itself into files of {@code format}. */
  private void convert(String format) throws IOException, SQLException {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    log.writeTurnRows(raw, "turns", 2);
    Path out = Files.createDirectories(dir.resolve("logs"));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (int p = 0; p < 2; p++) {
        s.execute("COPY (SELECT * FROM read_json_auto('" + raw.resolve("turns-" + p + ".jsonl") + "')) TO '"
            + out.resolve("part-" + p + "." + format) + "' (FORMAT " + (format.equals("csv") ? "csv, HEADER" : format) + ")");
      }
    }
  }

  @Test
  void stratified_parquet_sample_equals_the_streaming_sample_and_counts() throws Exception {
    convert("parquet");

    Sample pushed = pushed("logs/*.parquet", Gates.RULES);

    Sample streamed = streamed(Gates.RULES);
    SameSample.assertSame(pushed, streamed);
    assertThat(pushed.allocation()).containsKeys("single-turn", "plus-deep", "high-tier", "other");
    assertThat(pushed.report().rejected()).containsKeys("language", "above-max-user-turns", "no-logged-reply");
    assertThat(pushed.report().file()).isEqualTo("sql jdbc:duckdb over logs/*.parquet");
  }

  @Test
  void jsonl_glob_gives_the_streaming_sample() throws Exception {
    Path raw = Files.createDirectories(dir.resolve("raw"));
    log.writeTurnRows(raw, "turns", 3);

    SameSample.assertSame(pushed("raw/turns-*.jsonl", Gates.RULES), streamed(Gates.RULES));
  }

  @Test
  void csv_glob_gives_the_streaming_sample() throws Exception {
    convert("csv");

    SameSample.assertSame(pushed("logs/*.csv", Gates.RULES), streamed(Gates.RULES));
  }

  @Test
  void uniform_sample_over_all_user_turns_equals_the_streaming_sample() throws Exception {
    convert("parquet");
    String rules = """
          eligible: { require-logged-reply: false }
          sample: { size: 150, seed: 99, key: md5 }
        """;

    Sample pushed = pushed("logs/**/*.parquet", rules);

    Sample streamed = streamed(rules);
    SameSample.assertSame(pushed, streamed);
    assertThat(pushed.prefixes()).hasSize(150);
    assertThat(pushed.report().rejected()).isEmpty();
  }

  @Test
  void another_seed_draws_another_sample() throws Exception {
    convert("parquet");
    Sample a = pushed("logs/*.parquet", Gates.RULES);

    Sample b = pushed("logs/*.parquet", Gates.RULES.replace("seed: 20261206", "seed: 20261207"));

    assertThat(SameSample.byId(b).keySet()).isNotEqualTo(SameSample.byId(a).keySet());
    assertThat(b.population()).isEqualTo(a.population());
  }
}
