package dev.rehearsal.run.store;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/**
 * Replies by {@link CacheKey}, each stored with a SHA-256 of its payload; a row whose checksum
 * does not match is treated as absent (so refetched) and counted.
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

  private final LongAdder corrupted = new LongAdder();
  private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

  ResponseCache(RunStore store) {
    this.store = store;
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
    Optional<ModelReply> reply = CanonicalJson.sha256(row.get()[0]).equals(row.get()[1])
        ? ReplyCodec.decode(row.get()[0]) : Optional.empty();
    if (reply.isEmpty()) {
      corrupted.increment();
    }
    return reply;
  }

  /**
   * Stores (or overwrites) a reply; committed before this returns. Group commit: puts that arrive
   * while a commit runs wait for the store and are then committed together in one transaction by
   * whichever of them gets it first, so 32 calls finishing at once cost one commit, not 32 in a
   * queue (issue 12 item 10).
   */
  public void put(String key, String modelId, ModelReply reply) {
    String payload = ReplyCodec.encode(reply);
    Pending mine = new Pending(new Object[] {key, dev.rehearsal.spec.Secrets.mask(modelId), payload, CanonicalJson.sha256(payload),
        Instant.now().toString()});
    pending.add(mine);
    store.withConnection(c -> {
      if (!mine.done) {
        commitPending();
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
  public java.util.Map<String, ModelReply> getAll(java.util.Collection<String> keys) {
    java.util.Map<String, ModelReply> out = new java.util.HashMap<>();
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      List<String[]> rows = store.read(c -> {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT cache_key, payload, checksum FROM responses WHERE cache_key IN (" + marks + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            p.setString(i + 1, chunk.get(i));
          }
          List<String[]> found = new ArrayList<>();
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              found.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
          }
          return found;
        }
      });
      for (String[] row : rows) {
        Optional<ModelReply> reply = CanonicalJson.sha256(row[1]).equals(row[2]) ? ReplyCodec.decode(row[1])
            : Optional.empty();
        reply.ifPresentOrElse(r -> out.put(row[0], r), corrupted::increment);
      }
    }
    return out;
  }

  /** Commits every queued put; runs with the store's write connection held. */
  private void commitPending() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p = pending.poll(); p != null; p = pending.poll()) {
      batch.add(p);
    }
    RuntimeException failure = null;
    try {
      ItemTable.batch(store, PUT, batch.stream().map(p -> p.row).toList());
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Pending p : batch) {
      p.failure = failure;
      p.done = true;
    }
  }

  /** A put waiting for its commit; fields are guarded by the store's write lock. */
  private static final class Pending {
    final Object[] row;
    boolean done;
    RuntimeException failure;

    Pending(Object[] row) {
      this.row = row;
    }
  }

  /** Rows found corrupted (checksum mismatch or unreadable payload) since the store opened. */
  public long corrupted() {
    return corrupted.sum();
  }
}
