package dev.rehearsal.run.store;

import dev.rehearsal.model.runtime.CanonicalJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/**
 * Grader verdict payloads by content key (grader fingerprint, response, and the prefix the grader
 * reads), in the store's {@code grades} table, each checksummed like {@link ResponseCache}: a row
 * whose checksum does not match is treated as absent, so the grade is made again.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradeCache {

  private final RunStore store;
  private final LongAdder hits = new LongAdder();

  GradeCache(RunStore store) {
    this.store = store;
  }

  /** The stored payload, if present and intact. */
  public Optional<String> get(String key) {
    Optional<String> payload = store.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT payload, checksum FROM grades WHERE cache_key = ?")) {
        p.setString(1, key);
        try (ResultSet r = p.executeQuery()) {
          return r.next() && CanonicalJson.sha256(r.getString(1)).equals(r.getString(2))
              ? Optional.of(r.getString(1)) : Optional.<String>empty();
        }
      }
    });
    payload.ifPresent(p -> hits.increment());
    return payload;
  }

  /** Stores (or overwrites) a payload; committed before this returns. */
  public void put(String key, String fingerprint, String responseKey, String payload) {
    store.update("INSERT INTO grades (cache_key, grader_fingerprint, response_key, payload, checksum)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (cache_key) DO UPDATE SET payload = excluded.payload,"
        + " checksum = excluded.checksum", key, fingerprint, responseKey, payload, CanonicalJson.sha256(payload));
  }

  /** Grades served from the cache since the store opened. */
  public long hits() {
    return hits.sum();
  }
}
