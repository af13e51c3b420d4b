package dev.rehearsal.run.store;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
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
  private final LongAdder corrupted = new LongAdder();

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

  /** Stores (or overwrites) a reply; committed before this returns. */
  public void put(String key, String modelId, ModelReply reply) {
    String payload = ReplyCodec.encode(reply);
    store.update("INSERT INTO responses (cache_key, model_id, payload, checksum, created_at)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (cache_key) DO UPDATE SET model_id ="
        + " excluded.model_id, payload = excluded.payload, checksum = excluded.checksum,"
        + " created_at = excluded.created_at", key, modelId, payload,
        CanonicalJson.sha256(payload), Instant.now().toString());
  }

  /** Rows found corrupted (checksum mismatch or unreadable payload) since the store opened. */
  public long corrupted() {
    return corrupted.sum();
  }
}
