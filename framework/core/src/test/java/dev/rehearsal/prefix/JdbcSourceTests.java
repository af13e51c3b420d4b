package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSourceTests {

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void create_a_sqlite_warehouse() throws SQLException {
    url = "jdbc:sqlite:" + dir.resolve("warehouse.db");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("create table logs (id integer primary key, region text, conversation text)");
      try (PreparedStatement insert = c.prepareStatement("insert into logs (region, conversation) values (?, ?)")) {
        for (int i = 1; i <= 30; i++) {
          insert.setString(1, i % 3 == 0 ? "eu" : "us");
          insert.setString(2, i == 7 ? "{\"messages\": [" : "{\"id\":\"w" + i + "\",\"metadata\":{\"region\":\""
              + (i % 3 == 0 ? "eu" : "us") + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"question " + i
              + "\"},{\"role\":\"assistant\",\"content\":\"answer " + i + "\"}]}");
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private GateSpec gate(String query, String column, String policy) throws IOException {
    return PrefixFixtures.gate(dir, """
          source:
            format: openai-messages
            jdbc: { url: "${WAREHOUSE_URL}", query: "%s", column: %s }
          bad-records: { policy: %s }
          sample: { size: 100, seed: 3 }
        """.formatted(query, column, policy),
        "  production: { replay: logged }\n  candidate: { replay: logged }\n", "", Map.of("WAREHOUSE_URL", url));
  }

  @Test
  void reads_one_conversation_per_row_filtered_by_the_warehouse() throws IOException {
    Sample s = new PrefixSampler(gate("select conversation from logs where region = 'us' order by id",
        "conversation", "skip").prefixes()).sample();

    assertThat(s.report().lines()).isEqualTo(20);
    assertThat(s.report().conversations()).isEqualTo(19);
    assertThat(s.prefixes()).hasSize(19)
        .allSatisfy(p -> assertThat(p.source().conversation().metadata()).containsEntry("region", "us"));
    assertThat(s.report().problems()).singleElement().asString()
        .startsWith("jdbc:sqlite query, column conversation, row 5: not valid JSON");
    assertThat(s.report().file()).doesNotContain(dir.toString());
  }

  @Test
  void fails_on_a_bad_row_naming_the_row_under_the_fail_policy() throws IOException {
    GateSpec spec = gate("select conversation from logs order by id", "conversation", "fail");

    assertThatThrownBy(() -> new PrefixSampler(spec.prefixes()).sample())
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("row 7: not valid JSON")
        .hasMessageContaining("prefixes.bad-records.policy: skip")
        .hasMessageNotContaining(dir.toString());
  }

  @Test
  void names_a_missing_column_without_showing_the_url() throws IOException {
    GateSpec spec = gate("select id from logs", "conversation", "skip");

    assertThatThrownBy(() -> new PrefixSampler(spec.prefixes()).sample())
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("no column 'conversation'")
        .hasMessageNotContaining(dir.toString());
  }
}
