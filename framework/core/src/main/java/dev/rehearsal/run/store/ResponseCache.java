package dev.rehearsal.run.store;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.runtime.CanonicalDigest;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Replies by {@link CacheKey}, each stored with a SHA-256 of its payload; a row whose checksum
 * does not match is treated as absent (so refetched) and counted. Runners sharing the store claim a
 * key before calling the model for it ({@link #acquire}), so no reply is asked for twice.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResponseCache {

  private final RunStore store;
  private static final String PUT = "INSERT INTO responses (cache_key, model_id, payload, checksum,"
      + " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cache_key) DO UPDATE SET model_id ="
      + " excluded.model_id, payload = excluded.payload, checksum = excluded.checksum,"
      + " created_at = excluded.created_at";

  private static final int DEADLOCK_RETRIES = 5;
  private final LongAdder corrupted = new LongAdder();
  private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final ClaimWaits waits;

  ResponseCache(RunStore store) {
    this.store = store;
    this.waits = new ClaimWaits(this, store.claims());
    warmUp();
  }

  /**
   * Pays the one-time costs of the first {@link #put} now, before any model call: the JSON codec's
   * and the timestamp formatter's set-up took 20 and 10 ms in a fresh JVM, time in which a kill -9
   * lost every reply that had arrived (issue 12 item 10: each was then asked for again).
   */
  private static void warmUp() {
    CanonicalJson.sha256(ReplyCodec.encode(ModelReply.text("warm-up")));
    Instant.now().toString();
  }

  /** The stored reply, if present and intact. */
  public Optional<ModelReply> get(String key) {
    Optional<String[]> row = store.read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT payload, checksum FROM responses WHERE cache_key = ?")) {
        p.setString(1, key);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2)})
              : Optional.<String[]>empty();
        }
      }
    });
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Optional<ModelReply> reply = intact(row.get()[0], row.get()[1]);
    if (reply.isEmpty()) {
      corrupted.increment();
    }
    return reply;
  }

  /**
   * The intact stored replies of {@code keys} (those present), for a runner waiting on another's
   * claim: a row failing its checksum is left out, not counted (the caller asks again later).
   */
  Map<String, ModelReply> stored(List<String> keys) {
    return read(keys, false);
  }

  /** Keys per query: SQLite allows 32,766 parameters a statement, PostgreSQL 65,535. */
  static final int CHUNK = 500;

  /** Lists of at most {@value #CHUNK} keys. */
  static List<List<String>> chunks(List<String> keys) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += CHUNK) {
      out.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
    }
    return out;
  }

  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * Claims {@code key} before a model call. Completes empty when this runner now holds the claim and
   * must call the model, then {@link #put} (which releases the claim) or {@link #release}; completes
   * with the reply when another runner sharing the store stored it, after waiting for that runner if
   * it was calling. A claim whose holder is gone (killed) is taken over.
   */
  public CompletableFuture<Optional<ModelReply>> acquire(String key) {
    Pending mine = new Pending(key);
    commit(mine);
    if (mine.claimed) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    if (mine.stored.isPresent()) {
      return CompletableFuture.completedFuture(mine.stored);
    }
    return waits.await(key);
  }

  /** Gives up this runner's claim on {@code key} after a failed call, so a waiting runner calls. */
  public void release(String key) {
    store.claims().release(key);
  }

  /**
   * Stores (or overwrites) a reply and releases its claim; committed before this returns. Group
   * commit: puts and claims that arrive while a commit runs wait for the store and are then
   * committed together in one transaction by whichever of them gets it first, so 32 calls finishing
   * at once cost one commit, not 32 in a queue (issue 12 item 10).
   */
  public void put(String key, String modelId, ModelReply reply) {
    String payload = ReplyCodec.encode(reply);
    commit(new Pending(new Object[] {key, dev.rehearsal.spec.Secrets.mask(modelId), payload,
        CanonicalJson.sha256(payload), Instant.now().toString()}));
  }

  private void commit(Pending mine) {
    pending.add(mine);
    store.withConnection(c -> {
      if (!mine.done) {
        commitPending(c);
      }
      return null;
    });
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  /** Stores (or overwrites) many replies in one transaction: a collected batch's. */
  public void putAll(String modelId, java.util.Map<String, ModelReply> replies) {
    String model = dev.rehearsal.spec.Secrets.mask(modelId);
    String now = Instant.now().toString();
    List<Object[]> rows = new ArrayList<>();
    replies.forEach((key, reply) -> {
      String payload = ReplyCodec.encode(reply);
      rows.add(new Object[] {key, model, payload, CanonicalJson.sha256(payload), now});
    });
    ItemTable.batch(store, PUT, rows);
  }

  /**
   * The intact stored replies among {@code keys}, read 500 keys per query: one lookup per key
   * costs a round trip each, which dominates at 10^5 keys.
   */
  public Map<String, ModelReply> getAll(java.util.Collection<String> keys) {
    return read(new ArrayList<>(keys), true);
  }

  /** Reads {@code keys} in chunks of 500; rows failing their checksum are left out (and counted). */
  private Map<String, ModelReply> read(List<String> keys, boolean countCorrupted) {
    ModelReply[] replies = inOrder(keys, countCorrupted);
    Map<String, ModelReply> out = new HashMap<>(keys.size() * 4 / 3 + 1);
    for (int i = 0; i < replies.length; i++) {
      if (replies[i] != null) {
        out.put(keys.get(i), replies[i]);
      }
    }
    return out;
  }

  /**
   * The intact stored replies of {@code keys}, by position (null where none is stored or intact;
   * rows failing their checksum are counted). A warm rerun's prefetch reads 10^5 of them this way:
   * each row names its key by position, so no key is read back as a String and looked up again.
   */
  @Nullable ModelReply[] getInOrder(List<String> keys) {
    return inOrder(keys, true);
  }

  private @Nullable ModelReply[] inOrder(List<String> keys, boolean countCorrupted) {
    ModelReply[] out = new ModelReply[keys.size()];
    boolean sqlite = store.dialect() == Dialect.SQLITE;
    for (int from = 0; from < keys.size(); from += CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
      List<Row> rows = store.read(c -> {
        try (PreparedStatement p = c.prepareStatement(byPosition(chunk.size()))) {
          for (int i = 0; i < chunk.size(); i++) {
            p.setString(i + 1, chunk.get(i));
          }
          List<Row> found = new ArrayList<>(chunk.size());
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              found.add(new Row(r.getInt(1), payload(r, 2, sqlite), r.getString(3)));
            }
          }
          return found;
        }
      });
      for (Row row : rows) {
        Optional<ModelReply> reply = intact(row.payload(), row.checksum());
        if (reply.isPresent()) {
          out[from + row.position()] = reply.get();
        } else if (countCorrupted) {
          corrupted.increment();
        }
      }
    }
    return out;
  }

  private static final String FULL_CHUNK = byPositionSql(CHUNK);

  private static String byPosition(int n) {
    return n == CHUNK ? FULL_CHUNK : byPositionSql(n);
  }

  /**
   * The stored rows of {@code n} keys, each with its key's position: the keys as a table of constant
   * rows joined to {@code responses} by its primary key (SQLite and PostgreSQL alike; SQLite's plan
   * looks each key up in the primary-key index).
   */
  private static String byPositionSql(int n) {
    StringBuilder sql = new StringBuilder("WITH k (i, cache_key) AS (VALUES ");
    for (int i = 0; i < n; i++) {
      sql.append(i == 0 ? "" : ", ").append('(').append(i).append(", ?)");
    }
    return sql.append(") SELECT k.i, r.payload, r.checksum FROM k JOIN responses r ON r.cache_key = k.cache_key")
        .toString();
  }

  /** A stored reply as read: its payload's UTF-8 bytes (null when the column is null) and checksum. */
  private record Row(int position, byte @Nullable [] payload, String checksum) {}

  /**
   * A payload column's UTF-8 bytes. SQLite hands out a text value's stored UTF-8 bytes as they are
   * (no String to decode and encode again); PostgreSQL's driver gives a text column's bytes in the
   * connection's encoding, so there the text is read and encoded.
   */
  private static byte @Nullable [] payload(ResultSet r, int column, boolean sqlite) throws SQLException {
    if (sqlite) {
      return r.getBytes(column);
    }
    String text = r.getString(column);
    return text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Commits every queued put and claim in one transaction; runs with the write connection held. */
  private void commitPending(Connection c) {
    List<Pending> batch = new ArrayList<>();
    for (Pending p = pending.poll(); p != null; p = pending.poll()) {
      batch.add(p);
    }
    RuntimeException failure = null;
    try {
      transaction(c, batch);
    } catch (SQLException e) {
      failure = new StoreException("Run store write failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Pending p : batch) {
      p.failure = failure;
      p.done = true;
    }
  }

  /**
   * Runs the batch's transaction, again when PostgreSQL picked it as a deadlock victim: two runners'
   * batches may touch the same keys (a claim being inserted here, deleted there). Keys are taken in
   * sorted order, which makes that rare; the retry makes it harmless.
   */
  private void transaction(Connection c, List<Pending> batch) throws SQLException {
    List<Pending> sorted = batch.stream().sorted(java.util.Comparator.comparing(p -> p.key)).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        attempt(c, sorted);
        return;
      } catch (SQLException e) {
        if (attempt == DEADLOCK_RETRIES || !deadlock(e)) {
          throw e;
        }
      }
    }
  }

  /** PostgreSQL's deadlock_detected, on the exception or (for a batch) the one behind it. */
  private static boolean deadlock(SQLException e) {
    for (Throwable t = e; t != null; t = t instanceof SQLException s && s.getNextException() != null
        ? s.getNextException() : t.getCause()) {
      if (t instanceof SQLException s && "40P01".equals(s.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private void attempt(Connection c, List<Pending> batch) throws SQLException {
    List<Pending> puts = batch.stream().filter(p -> p.row != null).toList();
    List<Pending> claims = batch.stream().filter(p -> p.row == null).toList();
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      if (puts.isEmpty() && store.dialect() == Dialect.POSTGRESQL) {
        // A claim lost in a server crash costs at most a repeated call: no need to wait for the disk.
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL synchronous_commit TO OFF");
        }
      }
      if (!puts.isEmpty()) {
        try (PreparedStatement p = c.prepareStatement(PUT)) {
          for (Pending put : puts) {
            bind(p, put.row);
            p.addBatch();
          }
          p.executeBatch();
        }
        ClaimTable.delete(c, puts.stream().map(p -> (String) p.row[0]).toList());
      }
      if (!claims.isEmpty()) {
        claim(c, claims);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /**
   * Inserts the claims, then looks for replies stored meanwhile: a claim won just after another
   * runner stored the reply (and released its claim) must not lead to a second call.
   */
  private void claim(Connection c, List<Pending> claims) throws SQLException {
    boolean[] won = store.claims().insert(c, claims.stream().map(p -> p.key).toList());
    Map<String, Pending> mine = new HashMap<>();
    for (int i = 0; i < won.length; i++) {
      claims.get(i).claimed = won[i];
      claims.get(i).stored = Optional.empty();
      if (won[i]) {
        mine.put(claims.get(i).key, claims.get(i));
      }
    }
    if (mine.isEmpty()) {
      return;
    }
    List<String> storedMeanwhile = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT payload, checksum FROM responses WHERE cache_key = ?")) {
      for (Pending claim : mine.values()) {
        p.setString(1, claim.key);
        try (ResultSet r = p.executeQuery()) {
          Optional<ModelReply> reply = r.next() ? intact(r.getString(1), r.getString(2)) : Optional.empty();
          if (reply.isPresent()) {
            claim.claimed = false;
            claim.stored = reply;
            storedMeanwhile.add(claim.key);
          }
        }
      }
    }
    if (!storedMeanwhile.isEmpty()) {
      ClaimTable.delete(c, storedMeanwhile);
    }
  }

  private static void bind(PreparedStatement p, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      p.setObject(i + 1, row[i]);
    }
  }

  /** The reply of a row whose checksum matches, else empty (not counted: callers count). */
  private static Optional<ModelReply> intact(String payload, String checksum) {
    return intact(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), checksum);
  }

  private static Optional<ModelReply> intact(byte @Nullable [] payload, @Nullable String checksum) {
    // Checked from the bytes, with no String or hex text per row (a warm rerun checks 10^5 of them).
    return payload != null && checksum != null && CanonicalDigest.start().bytes(payload).finishMatches(checksum)
        ? ReplyCodec.decode(payload) : Optional.empty();
  }

  /** A put (row set) or a claim (key only) waiting for its commit; fields guarded by the write lock. */
  private static final class Pending {
    final String key;
    final Object[] row;
    boolean done;
    boolean claimed;
    Optional<ModelReply> stored = Optional.empty();
    RuntimeException failure;

    Pending(Object[] row) {
      this.key = (String) row[0];
      this.row = row;
    }

    Pending(String key) {
      this.key = key;
      this.row = null;
    }
  }

  /** Rows found corrupted (checksum mismatch or unreadable payload) since the store opened. */
  public long corrupted() {
    return corrupted.sum();
  }

  void close() {
    waits.close();
  }
}
