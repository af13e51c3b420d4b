package dev.rehearsal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.prefix.BadDataException;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same generated SQL on a real PostgreSQL server. */
class PostgresSamplingTests {

  @TempDir static Path serverDir;
  private static PostgresServer server;
  private static final TurnLog LOG = TurnLog.generate(800, 7);

  @TempDir Path dir;

  @BeforeAll
  static void startAndLoad() throws Exception {
    server = PostgresServer.start(serverDir);
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS sql_sampling_turns");
      s.execute("CREATE TABLE sql_sampling_turns (conversation_id text, turn_index integer, role text, content text,"
          + " plan text, locale text, tier integer)");
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO sql_sampling_turns VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (TurnLog.Row r : LOG.rows()) {
          insert.setString(1, r.conversationId());
          insert.setInt(2, r.turnIndex());
          insert.setString(3, r.role());
          insert.setString(4, r.content());
          insert.setString(5, r.plan());
          insert.setString(6, r.locale());
          insert.setInt(7, r.tier());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS sql_sampling_turns");
    }
    server.close();
  }

  private Sample streamed() throws Exception {
    LOG.writeMessages(dir.resolve("messages.jsonl"));
    return new PrefixSampler(Gates.prefixes(dir, "    format: openai-messages\n    path: messages.jsonl\n", Gates.RULES))
        .sample();
  }

  @Test
  void stratified_sample_on_postgresql_equals_the_streaming_sample_and_counts() throws Exception {
    String source = "    format: turn-rows\n    sql: { url: \"${PG_URL}\", from: sql_sampling_turns }\n";

    Sample pushed = new PrefixSampler(Gates.prefixes(dir, source, Gates.RULES, Map.of("PG_URL", server.url())))
        .sample();

    SameSample.assertSame(pushed, streamed());
    assertThat(pushed.report().file()).isEqualTo("sql jdbc:postgresql over sql_sampling_turns");
  }

  @Test
  void a_failing_server_query_names_the_source_but_never_the_url() throws Exception {
    String secret = server.url() + "&password=hunter2-secret";
    String source = "    format: turn-rows\n    sql: { url: \"${PG_URL}\", from: no_such_table }\n";

    assertThatThrownBy(() -> new PrefixSampler(Gates.prefixes(dir, source, Gates.RULES, Map.of("PG_URL", secret)))
        .sample())
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("sql jdbc:postgresql over no_such_table")
        .hasMessageContaining("no_such_table")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("127.0.0.1");
  }
}
