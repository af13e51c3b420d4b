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
  void hands_out_a_prefetched_reply_without_tool_calls_once_and_counts_it_as_a_hit() {
    ModelRequest plain = new ModelRequest(List.of(Turn.user("plain")), Map.of(), Map.of("temperature", 0), "p");
    ModelRequest calling = new ModelRequest(List.of(Turn.user("tools")), Map.of(), Map.of("temperature", 0), "t");
    ModelRequest absent = new ModelRequest(List.of(Turn.user("absent")), Map.of(), Map.of("temperature", 0), "a");
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    dev.rehearsal.model.ModelClient model = new dev.rehearsal.model.ModelClient() {
      @Override
      public java.util.concurrent.CompletableFuture<dev.rehearsal.model.ModelReply> complete(ModelRequest r) {
        calls.incrementAndGet();
        return java.util.concurrent.CompletableFuture.completedFuture(r == calling
            ? new dev.rehearsal.model.ModelReply("", List.of(new ToolCall("c", "f", "{}")), "tool_calls", 1, 1,
                java.time.Duration.ZERO)
            : dev.rehearsal.model.ModelReply.text("re " + r.sampleKey()));
      }

      @Override
      public String modelId() {
        return "in-process";
      }
    };
    try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
      CachingModelClient first = new CachingModelClient(model, store.responses(), false);
      first.complete(plain).join();
      first.complete(calling).join();
      CachingModelClient rerun = new CachingModelClient(model, store.responses(), false);
      List<ModelRequest> requests = List.of(plain, calling, absent);
      rerun.prefetch(requests);

      assertThat(rerun.takeStored(plain)).isNotNull().extracting(dev.rehearsal.model.ModelReply::text).isEqualTo("re p");
      assertThat(rerun.takeStored(plain)).as("taken once").isNull();
      assertThat(rerun.takeStored(calling)).as("a reply calling tools goes through complete").isNull();
      assertThat(rerun.takeStored(absent)).isNull();
      assertThat(rerun.stats().hits()).isEqualTo(1);
      assertThat(rerun.complete(calling).join().toolCalls()).hasSize(1);
      assertThat(rerun.stats().hits()).isEqualTo(2);
      assertThat(calls.get()).isEqualTo(2);
    }
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
