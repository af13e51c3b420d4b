package dev.rehearsal.run;

import dev.rehearsal.run.store.CacheStats;
import org.apiguardian.api.API;

/**
 * How many of a model arm's calls the response store answered, so a run served from another run's
 * replies says so (issue 12 item 2).
 *
 * @param hits calls answered from the store (or shared with an identical call in flight)
 * @param calls every call the arm made through the store, hits included
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArmCache(long hits, long calls) {

  public ArmCache {
    if (hits < 0 || calls < hits) {
      throw new IllegalArgumentException("cache hits must be within 0.." + calls + ", was " + hits);
    }
  }

  static ArmCache of(CacheStats stats) {
    return new ArmCache(stats.hits(), stats.hits() + stats.misses());
  }

  /** Both counts added, for an arm answered in batches or through two cached clients. */
  ArmCache plus(ArmCache other) {
    return new ArmCache(hits + other.hits, calls + other.calls);
  }

  /** {@code 20 of 20 calls from cache}. */
  public String summary() {
    return hits + " of " + calls + " calls from cache";
  }
}
