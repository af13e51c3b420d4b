package dev.rehearsal.model.batch;

import dev.rehearsal.model.runtime.SpecValues;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How a model entry is called: {@code mode: sync} (default, one HTTP call per request) or
 * {@code mode: batch} through the provider's batch endpoint, with the {@code batch:} block:
 *
 * <pre>
 * mode: batch
 * batch:
 *   poll-interval: 30s   # between status polls while this run waits (default 30s)
 *   max-wait: 0s         # how long this run waits for results before it ends PENDING (default 0:
 *                        # submit or collect, then end; a later run collects)
 *   max-requests: 50000  # requests per submitted batch (default 50,000, OpenAI's limit per file)
 * </pre>
 *
 * <p>Neither key changes an answer, so neither is part of a cache key: replies collected in batch
 * mode answer a later synchronous run and the other way round.
 *
 * @param batch whether {@code mode: batch}
 * @param pollInterval time between polls while waiting
 * @param maxWait how long one run waits before ending with a pending outcome
 * @param maxRequests requests per submitted batch
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BatchSettings(boolean batch, Duration pollInterval, Duration maxWait, int maxRequests) {

  /** The model-entry keys read here; accepted for every client and left out of cache keys. */
  public static final Set<String> KEYS = Set.of("mode", "batch");

  static final Set<String> BLOCK_KEYS = Set.of("poll-interval", "max-wait", "max-requests");

  /** OpenAI's limit per input file; Anthropic takes up to 100,000 per batch. */
  public static final int MAX_REQUESTS = 50_000;

  public BatchSettings {
    if (pollInterval.isNegative() || pollInterval.isZero() && !maxWait.isZero()) {
      throw new IllegalArgumentException("batch.poll-interval must be positive when batch.max-wait is set, was "
          + pollInterval);
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("batch.max-requests must be positive, was " + maxRequests);
    }
  }

  /** Synchronous calls. */
  public static BatchSettings sync() {
    return new BatchSettings(false, Duration.ofSeconds(30), Duration.ZERO, MAX_REQUESTS);
  }

  /** Reads {@code mode} and {@code batch} of a model entry; {@code where} names it in errors. */
  public static BatchSettings fromSpec(String where, Map<String, Object> settings) {
    SpecValues v = SpecValues.of(where, settings);
    String mode = v.string("mode").orElse("sync");
    if (!mode.equals("sync") && !mode.equals("batch")) {
      throw v.invalid("mode", "must be 'sync' (one call per request) or 'batch' (the provider's batch endpoint)");
    }
    if (settings.containsKey("batch") && mode.equals("sync")) {
      throw new IllegalArgumentException(where + ".batch is set but mode is sync; add 'mode: batch' or remove 'batch:'");
    }
    SpecValues block = v.nested("batch").orElse(SpecValues.of(where + ".batch", Map.of()));
    unknownKeys(where, settings.get("batch"));
    BatchSettings d = sync();
    return new BatchSettings(mode.equals("batch"), block.duration("poll-interval").orElse(d.pollInterval()),
        block.duration("max-wait").orElse(d.maxWait()),
        block.wholeNumber("max-requests", 1, MAX_REQUESTS).map(Long::intValue).orElse(d.maxRequests()));
  }

  private static void unknownKeys(String where, Object block) {
    if (block instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!BLOCK_KEYS.contains(String.valueOf(key))) {
          throw new IllegalArgumentException(where + ".batch." + key + " is not a batch setting; valid: "
              + new java.util.TreeSet<>(BLOCK_KEYS));
        }
      }
    }
  }
}
