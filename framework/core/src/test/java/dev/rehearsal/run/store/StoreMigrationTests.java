package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.model.ModelReply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version-1 store file stays usable after the version-2 tables arrive. */
class StoreMigrationTests {

  @TempDir Path dir;

  @Test
  void a_version_1_file_keeps_its_cached_responses_and_gains_the_item_tables() throws Exception {
    // given a store written by version 1: its tables only, one cached response
    Path file = dir.resolve("old.db");
    String key = "k".repeat(64);
    try (RunStore v1 = RunStore.open(file)) {
      v1.responses().put(key, "m", ModelReply.text("cached answer"));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("DROP TABLE items");
      s.execute("DROP TABLE item_grades");
      s.execute("DROP TABLE store_version");
    }

    // when the current version opens it and records a run's items
    try (RunStore v2 = RunStore.open(file)) {
      v2.putItems("run-1", List.of(new ItemRow("c0#u0", "candidate", "log.jsonl:1", "free", 1.0, "model:cand",
          Optional.of("hi"), Optional.of("h".repeat(64)), Optional.empty(),
          List.of(new ItemRow.Grade("refusal", "f".repeat(64), "[]", "[]", Optional.empty())))));

      // then the old cache entry is still served and the new rows are there
      assertThat(v2.responses().get(key)).map(r -> r.text()).contains("cached answer");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM items")).isEqualTo(1);
      assertThat(count(s, "SELECT COUNT(*) FROM item_grades")).isEqualTo(1);
      assertThat(count(s, "SELECT version FROM store_version")).isEqualTo(Schema.VERSION).isEqualTo(2);
    }
  }

  private static int count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
