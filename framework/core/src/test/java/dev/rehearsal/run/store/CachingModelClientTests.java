package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingModelClientTests {

  @TempDir
  Path dir;

  private final AtomicInteger calls = new AtomicInteger();
  private final ModelClient model = new ModelClient() {
    @Override
    public CompletableFuture<ModelReply> complete(ModelRequest request) {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(new ModelReply("re " + request.sampleKey(),
          List.of(new ToolCall("c", "t", "{}")), "stop", 3, 4, Duration.ofMillis(2)));
    }

    @Override
    public String modelId() {
      return "in-process";
    }
  };

  private static ModelRequest ask(String key, double temperature) {
    return new ModelRequest(List.of(Turn.user("hello")), Map.of(),
        Map.of("temperature", temperature), key);
  }

  @Test
  void warm_rerun_makes_no_calls_and_returns_the_same_replies() {
    Path file = dir.resolve("store.db");
    List<ModelReply> first = new ArrayList<>();
    try (RunStore store = RunStore.open(file)) {
      CachingModelClient client = new CachingModelClient(model, store.responses(), false);
      for (int i = 0; i < 20; i++) {
        first.add(client.complete(ask("s" + i, 1.0)).join());
      }
    }
    calls.set(0);
    try (RunStore store = RunStore.open(file)) {
      CachingModelClient client = new CachingModelClient(model, store.responses(), false);
      for (int i = 0; i < 20; i++) {
        assertThat(client.complete(ask("s" + i, 1.0)).join()).isEqualTo(first.get(i));
      }
      assertThat(client.stats()).isEqualTo(new CacheStats(20, 0, 0, 0));
    }
    assertThat(calls.get()).isZero();
  }

  @Test
  void sample_key_separates_random_samples_only() {
    try (RunStore store = RunStore.open(dir.resolve("s.db"))) {
      CachingModelClient client = new CachingModelClient(model, store.responses(), false);
      client.complete(ask("a", 0)).join();
      client.complete(ask("b", 0)).join();
      client.complete(ask("a", 0.7)).join();
      client.complete(ask("b", 0.7)).join();
    }
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void corrupted_row_is_detected_counted_and_refetched() throws Exception {
    Path file = dir.resolve("c.db");
    try (RunStore store = RunStore.open(file)) {
      new CachingModelClient(model, store.responses(), false).complete(ask("a", 0)).join();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE responses SET payload = replace(payload, 're ', 'XX ')");
    }
    try (RunStore store = RunStore.open(file)) {
      CachingModelClient client = new CachingModelClient(model, store.responses(), false);
      assertThat(client.complete(ask("a", 0)).join().text()).isEqualTo("re a");
      assertThat(client.stats().corrupted()).isEqualTo(1);
      assertThat(client.complete(ask("a", 0)).join().text()).isEqualTo("re a");
    }
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void fresh_forces_calls_and_overwrites() {
    try (RunStore store = RunStore.open(dir.resolve("f.db"))) {
      new CachingModelClient(model, store.responses(), false).complete(ask("a", 0)).join();
      CachingModelClient fresh = new CachingModelClient(model, store.responses(), true);
      fresh.complete(ask("a", 0)).join();
      assertThat(fresh.stats().writes()).isEqualTo(1);
    }
    assertThat(calls.get()).isEqualTo(2);
  }

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
  void creates_every_table_in_wal_mode_and_keeps_run_rows() throws Exception {
    Path file = dir.resolve("t.db");
    try (RunStore store = RunStore.open(file)) {
      store.beginRun("r1", "gate");
      store.putManifest("r1", "h".repeat(64), "{}");
      store.putSample("r1", "p1#0", "p1", "single-turn");
      store.putEstimate(new Estimate("r1", "candidate", "harm", "all", 1, 100, 0.01, 0.0, 0.05,
          "wilson"));
      store.finishRun("r1", "passed");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      ResultSet mode = s.executeQuery("PRAGMA journal_mode");
      assertThat(mode.getString(1)).isEqualTo("wal");
      List<String> tables = new ArrayList<>();
      ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1");
      while (r.next()) {
        tables.add(r.getString(1));
      }
      assertThat(tables).containsExactly("estimates", "forecasts", "grades", "item_grades", "items", "manifests",
          "responses", "runs", "samples", "store_version");
      assertThat(s.executeQuery("SELECT status FROM runs").getString(1)).isEqualTo("passed");
    }
  }
}
