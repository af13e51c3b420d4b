package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run store's behaviour on any database: crash safety (every put committed before it returns),
 * checksums, migration, and runners sharing one store. Run on SQLite here and on PostgreSQL in
 * rehearsal-postgres, each by a subclass giving the {@link StoreFixture}.
 */
public abstract class StoreContract {

  protected StoreFixture store;
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
  private final ModelClient model = new ModelClient() {
    @Override
    public CompletableFuture<ModelReply> complete(ModelRequest request) {
      calls.incrementAndGet();
      callsPerKey.computeIfAbsent(request.sampleKey(), k -> new AtomicInteger()).incrementAndGet();
      // A little latency, so that two runners' calls overlap as they would against a real endpoint.
      return CompletableFuture.supplyAsync(() -> new ModelReply("re " + request.sampleKey(),
          List.of(new ToolCall("c", "t", "{}")), "stop", 3, 4, Duration.ofMillis(2)),
          CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS));
    }

    @Override
    public String modelId() {
      return "in-process";
    }
  };

  /** A new, empty store for one test. */
  protected abstract StoreFixture newStore() throws Exception;

  @BeforeEach
  void openFixture() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeFixture() throws SQLException {
    store.close();
  }

  private static ModelRequest ask(String key, double temperature) {
    return new ModelRequest(List.of(Turn.user("hello")), Map.of(), Map.of("temperature", temperature), key);
  }

  @Test
  void warm_rerun_makes_no_calls_and_returns_the_same_replies() {
    List<ModelReply> first = new ArrayList<>();
    try (RunStore s = store.open()) {
      CachingModelClient client = new CachingModelClient(model, s.responses(), false);
      for (int i = 0; i < 20; i++) {
        first.add(client.complete(ask("s" + i, 1.0)).join());
      }
    }
    calls.set(0);
    try (RunStore s = store.open()) {
      CachingModelClient client = new CachingModelClient(model, s.responses(), false);
      for (int i = 0; i < 20; i++) {
        assertThat(client.complete(ask("s" + i, 1.0)).join()).isEqualTo(first.get(i));
      }
      assertThat(client.stats()).isEqualTo(new CacheStats(20, 0, 0, 0));
    }
    assertThat(calls.get()).isZero();
  }

  @Test
  void prefetched_replies_answer_without_calls_and_only_absent_keys_are_called() {
    try (RunStore s = store.open()) {
      CachingModelClient client = new CachingModelClient(model, s.responses(), false);
      for (int i = 0; i < 10; i++) {
        client.complete(ask("s" + i, 1.0)).join();
      }
    }
    callsPerKey.clear();
    try (RunStore s = store.open()) {
      CachingModelClient client = new CachingModelClient(model, s.responses(), false);
      List<ModelRequest> requests = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        requests.add(ask("s" + i, 1.0));
      }
      client.prefetch(requests);
      for (int i = 0; i < 15; i++) {
        assertThat(client.complete(requests.get(i)).join().text()).isEqualTo("re s" + i);
      }
      assertThat(client.stats()).isEqualTo(new CacheStats(10, 5, 0, 5));
    }
    assertThat(callsPerKey.keySet()).containsExactlyInAnyOrder("s10", "s11", "s12", "s13", "s14");
  }

  @Test
  void a_reply_stored_by_another_runner_after_the_prefetch_is_not_asked_again() {
    try (RunStore mine = store.open(); RunStore other = store.open()) {
      CachingModelClient client = new CachingModelClient(model, mine.responses(), false);
      ModelRequest request = ask("late", 0.5);
      client.prefetch(List.of(request));
      // another runner answers the key between this runner's prefetch and its call
      new CachingModelClient(model, other.responses(), false).complete(ask("late", 0.5)).join();
      calls.set(0);

      assertThat(client.complete(request).join().text()).isEqualTo("re late");
      assertThat(calls.get()).isZero();
    }
  }

  @Test
  void items_identical_to_the_stored_ones_are_left_in_place_and_changed_items_replace_them() throws Exception {
    List<ItemRow> rows = List.of(item("c0#u0", "[]"), item("c1#u0", "[\"refusal\"]"));
    try (RunStore s = store.open()) {
      assertThat(s.putItems("run-1", rows)).isTrue();
      assertThat(s.putItems("run-1", rows)).as("same items again").isFalse();
      assertThat(s.putItems("run-1", List.of(rows.get(0), item("c1#u0", "[]")))).as("one grade changed").isTrue();
      assertThat(s.putItems("run-1", List.of(rows.get(0)))).as("one item fewer").isTrue();
    }
    try (Connection c = store.raw(); Statement st = c.createStatement()) {
      assertThat(count(st, "SELECT COUNT(*) FROM items WHERE run_id = 'run-1'")).isEqualTo(1);
      assertThat(count(st, "SELECT COUNT(*) FROM item_grades WHERE run_id = 'run-1'")).isEqualTo(1);
      assertThat(count(st, "SELECT COUNT(*) FROM item_digests")).isEqualTo(1);
    }
  }

  private static ItemRow item(String sampleId, String labels) {
    return new ItemRow(sampleId, "candidate", "log.jsonl:1", "free", 1.0, "model:cand", Optional.of("hi"),
        Optional.of("h".repeat(64)), Optional.empty(),
        List.of(new ItemRow.Grade("refusal", "f".repeat(64), labels, "[]", Optional.empty())));
  }

  @Test
  void sample_key_separates_random_samples_only() {
    try (RunStore s = store.open()) {
      CachingModelClient client = new CachingModelClient(model, s.responses(), false);
      client.complete(ask("a", 0)).join();
      client.complete(ask("b", 0)).join();
      client.complete(ask("a", 0.7)).join();
      client.complete(ask("b", 0.7)).join();
    }
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void corrupted_row_is_detected_counted_and_refetched() throws Exception {
    try (RunStore s = store.open()) {
      new CachingModelClient(model, s.responses(), false).complete(ask("a", 0)).join();
    }
    try (Connection c = store.raw(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE responses SET payload = replace(payload, 're ', 'XX ')");
    }
    try (RunStore s = store.open()) {
      CachingModelClient client = new CachingModelClient(model, s.responses(), false);
      assertThat(client.complete(ask("a", 0)).join().text()).isEqualTo("re a");
      assertThat(client.stats().corrupted()).isEqualTo(1);
      assertThat(client.complete(ask("a", 0)).join().text()).isEqualTo("re a");
    }
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void reads_many_keys_back_each_with_its_own_reply_leaving_out_missing_and_corrupted_rows() throws Exception {
    // Three chunks of keys (500 per query), some never stored and one stored row damaged.
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      keys.add(String.format("%064x", i * 7919L));
    }
    try (RunStore s = store.open()) {
      for (int i = 0; i < keys.size(); i++) {
        if (i % 5 != 3) {
          s.responses().put(keys.get(i), "in-process", ModelReply.text("reply " + i));
        }
      }
    }
    try (Connection c = store.raw(); PreparedStatement p = c.prepareStatement(
        "UPDATE responses SET payload = replace(payload, 'reply', 'XXXXX') WHERE cache_key = ?")) {
      p.setString(1, keys.get(1_001));
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    try (RunStore s = store.open()) {
      ModelReply[] replies = s.responses().getInOrder(keys);
      Map<String, ModelReply> byKey = s.responses().getAll(keys);
      for (int i = 0; i < keys.size(); i++) {
        String expected = i % 5 == 3 || i == 1_001 ? null : "reply " + i;
        assertThat(replies[i] == null ? null : replies[i].text()).as("key %d", i).isEqualTo(expected);
        assertThat(byKey.containsKey(keys.get(i)) ? byKey.get(keys.get(i)).text() : null).as("key %d", i)
            .isEqualTo(expected);
      }
      assertThat(s.responses().corrupted()).isEqualTo(2);
    }
  }

  @Test
  void fresh_forces_calls_and_overwrites() {
    try (RunStore s = store.open()) {
      new CachingModelClient(model, s.responses(), false).complete(ask("a", 0)).join();
      CachingModelClient fresh = new CachingModelClient(model, s.responses(), true);
      fresh.complete(ask("a", 0)).join();
      assertThat(fresh.stats().writes()).isEqualTo(1);
    }
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void creates_every_table_and_keeps_run_rows() throws Exception {
    try (RunStore s = store.open()) {
      s.beginRun("r1", "gate");
      s.putManifest("r1", "h".repeat(64), "{}");
      s.putSample("r1", "p1#0", "p1", "single-turn");
      s.putEstimate(new Estimate("r1", "candidate", "harm", "all", 1, 100, 0.01, 0.0, 0.05, "wilson"));
      s.finishRun("r1", "passed");
    }
    assertThat(store.tables()).containsExactly("claims", "estimates", "forecasts", "grades", "item_digests", "item_grades", "items",
        "manifests", "responses", "runs", "samples", "store_version");
    try (Connection c = store.raw(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "SELECT status FROM runs")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("passed");
    }
  }

  @Test
  void every_concurrent_put_is_committed_before_it_returns() throws Exception {
    // given 32 threads putting at once into one store
    ConcurrentLinkedQueue<String> notYetVisible = new ConcurrentLinkedQueue<>();
    try (RunStore s = store.open()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int id = t;
        Thread thread = new Thread(() -> {
          try (Connection other = store.raw()) {
            start.await();
            for (int i = 0; i < 20; i++) {
              String key = "k" + id + "-" + i;
              // when a put returns
              s.responses().put(key, "m", ModelReply.text("reply " + key));
              // then another connection (another process would see the same) finds the row
              if (!present(other, key)) {
                notYetVisible.add(key);
              }
            }
          } catch (Exception e) {
            notYetVisible.add("failed: " + e);
          }
        });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(notYetVisible).isEmpty();
      assertThat(s.responses().get("k31-19").map(ModelReply::text)).contains("reply k31-19");
    }
  }

  @Test
  void a_version_1_store_keeps_its_cached_responses_and_gains_the_item_tables() throws Exception {
    // given a store written by version 1: its tables only, one cached response
    String key = "k".repeat(64);
    try (RunStore v1 = store.open()) {
      v1.responses().put(key, "m", ModelReply.text("cached answer"));
    }
    try (Connection c = store.raw(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE items");
      s.execute("DROP TABLE item_grades");
      s.execute("DROP TABLE item_digests");
      s.execute("DROP TABLE store_version");
    }

    // when the current version opens it and records a run's items
    try (RunStore v2 = store.open()) {
      v2.putItems("run-1", List.of(new ItemRow("c0#u0", "candidate", "log.jsonl:1", "free", 1.0, "model:cand",
          Optional.of("hi"), Optional.of("h".repeat(64)), Optional.empty(),
          List.of(new ItemRow.Grade("refusal", "f".repeat(64), "[]", "[]", Optional.empty())))));

      // then the old cache entry is still served and the new rows are there
      assertThat(v2.responses().get(key)).map(ModelReply::text).contains("cached answer");
    }
    try (Connection c = store.raw(); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM items")).isEqualTo(1);
      assertThat(count(s, "SELECT COUNT(*) FROM item_grades")).isEqualTo(1);
      assertThat(count(s, "SELECT version FROM store_version")).isEqualTo(Schema.VERSION).isEqualTo(3);
    }
  }

  @Test
  void two_runners_sharing_the_store_call_the_model_once_per_key_and_both_get_every_reply() throws Exception {
    // given two runners, each with its own store connections, asking for the same 300 keys at once
    int keys = 300;
    try (RunStore a = store.open(); RunStore b = store.open()) {
      List<CompletableFuture<List<ModelReply>>> runs = new ArrayList<>();
      for (RunStore s : List.of(a, b)) {
        CachingModelClient client = new CachingModelClient(model, s.responses(), false);
        runs.add(CompletableFuture.supplyAsync(() -> {
          List<CompletableFuture<ModelReply>> replies = new ArrayList<>();
          for (int i = 0; i < keys; i++) {
            replies.add(client.complete(ask("k" + i, 0.7)));
          }
          return replies.stream().map(CompletableFuture::join).toList();
        }));
      }

      // then every key was asked exactly once, and both runs got every reply
      List<ModelReply> first = runs.get(0).get(60, TimeUnit.SECONDS);
      List<ModelReply> second = runs.get(1).get(60, TimeUnit.SECONDS);
      assertThat(callsPerKey).hasSize(keys).allSatisfy((k, n) -> assertThat(n.get()).as(k).isEqualTo(1));
      assertThat(calls.get()).isEqualTo(keys);
      assertThat(second).isEqualTo(first).hasSize(keys);
      assertThat(first.get(7).text()).isEqualTo("re k7");
    }
    try (Connection c = store.raw(); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM responses")).isEqualTo(keys);
      assertThat(count(s, "SELECT COUNT(*) FROM claims")).isZero();
    }
  }

  @Test
  void a_runner_waits_for_the_reply_of_a_key_another_runner_is_calling() throws Exception {
    try (RunStore a = store.open(); RunStore b = store.open()) {
      // given runner a holds the claim on a key
      String key = CacheKey.of("in-process", ask("x", 0));
      assertThat(a.responses().acquire(key).join()).isEmpty();

      // when runner b asks for the same request
      CachingModelClient client = new CachingModelClient(model, b.responses(), false);
      CompletableFuture<ModelReply> waiting = client.complete(ask("x", 0));
      assertThat(waiting).isNotDone();
      a.responses().put(key, "in-process", ModelReply.text("from a"));

      // then b gets a's reply without calling
      assertThat(waiting.get(10, TimeUnit.SECONDS).text()).isEqualTo("from a");
      assertThat(calls.get()).isZero();
      assertThat(client.stats()).isEqualTo(new CacheStats(1, 0, 0, 0));
    }
  }

  @Test
  void a_released_claim_lets_the_waiting_runner_call() throws Exception {
    try (RunStore a = store.open(); RunStore b = store.open()) {
      String key = CacheKey.of("in-process", ask("x", 0));
      assertThat(a.responses().acquire(key).join()).isEmpty();
      CompletableFuture<ModelReply> waiting = new CachingModelClient(model, b.responses(), false).complete(ask("x", 0));

      // when a's call fails and it releases the claim
      a.responses().release(key);

      // then b calls the model itself
      assertThat(waiting.get(10, TimeUnit.SECONDS).text()).isEqualTo("re x");
      assertThat(calls.get()).isEqualTo(1);
    }
  }

  @Test
  void a_claim_left_by_a_killed_runner_is_taken_over_at_once() throws Exception {
    // given a claim whose process has ended (and, on a server, whose session is gone)
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    String key = CacheKey.of("in-process", ask("x", 0));
    try (RunStore s = store.open()) {
      try (Connection c = store.raw(); PreparedStatement p = c.prepareStatement("INSERT INTO claims (cache_key, owner,"
          + " machine, pid, backend, expires_at) VALUES (?, 'killed', ?, ?, 2147483000, 9000000000000)")) {
        p.setString(1, key);
        p.setString(2, ClaimTable.thisMachine().orElse(null));
        p.setLong(3, ended.pid());
        p.executeUpdate();
      }

      // when another runner asks for it, then it calls the model (lease far in the future)
      assertThat(new CachingModelClient(model, s.responses(), false).complete(ask("x", 0)).get(10, TimeUnit.SECONDS)
          .text()).isEqualTo("re x");
      assertThat(calls.get()).isEqualTo(1);
    }
  }

  private static boolean present(Connection c, String key) throws Exception {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM responses WHERE cache_key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  private static int count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }
}
