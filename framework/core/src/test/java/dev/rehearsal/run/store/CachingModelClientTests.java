package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache keys and SQLite specifics; the store's behaviour on every database is in {@link StoreContract}. */
class CachingModelClientTests {

  @TempDir
  Path dir;

  @Test
  void cache_key_ignores_json_key_order_in_tool_arguments_and_number_spelling() {
    ModelRequest a = new ModelRequest(List.of(new Turn(dev.rehearsal.conversation.Role.ASSISTANT,
        "", List.of(new ToolCall("1", "f", "{\"x\":1,\"y\":2}")), java.util.Optional.empty(),
        false)), Map.of(), Map.of("temperature", 0), "k1");
    ModelRequest b = new ModelRequest(List.of(new Turn(dev.rehearsal.conversation.Role.ASSISTANT,
        "", List.of(new ToolCall("1", "f", "{ \"y\":2, \"x\":1.0 }")), java.util.Optional.empty(),
        false)), Map.of(), Map.of("temperature", 0.0), "k2");

    assertThat(CacheKey.of("m", a)).isEqualTo(CacheKey.of("m", b)).hasSize(64);
    assertThat(CacheKey.of("m", a)).isNotEqualTo(CacheKey.of("other", a));
  }

  @Test
  void sqlite_store_is_in_wal_mode() throws Exception {
    Path file = dir.resolve("t.db");
    RunStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement(); ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
  }
}
