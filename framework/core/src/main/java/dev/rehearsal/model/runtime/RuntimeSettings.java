package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelException.Kind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How the runtime drives one model endpoint: concurrency, rate limits, retries, timeout, circuit
 * breaker, budget and prices. Read from the model entry of the spec by {@link #fromSpec}.
 *
 * @param concurrency calls in flight at most
 * @param requestsPerMinute request rate limit, 0 for none
 * @param tokensPerMinute token rate limit (estimated input + max output), 0 for none
 * @param maxRetries retries after the first attempt
 * @param backoff the base of the exponential backoff (full jitter)
 * @param backoffMax the largest backoff between attempts
 * @param retryAfterCap the longest {@code Retry-After} honoured
 * @param timeout per-attempt timeout
 * @param breakerFailures calls in a row that failed for good (retries spent) before the breaker
 *     opens; a fatal failure opens it at once
 * @param breakerCooldown how long an open breaker rejects calls before admitting trial calls
 * @param budget caps on calls, tokens and cost
 * @param prices prices per million tokens
 * @param retryOn failure kinds that are retried
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RuntimeSettings(
    int concurrency,
    long requestsPerMinute,
    long tokensPerMinute,
    int maxRetries,
    Duration backoff,
    Duration backoffMax,
    Duration retryAfterCap,
    Duration timeout,
    int breakerFailures,
    Duration breakerCooldown,
    Budget budget,
    PriceTable prices,
    Set<Kind> retryOn) {

  /** The spec keys read here; adapters accept them besides their own. */
  public static final Set<String> KEYS = Set.of("concurrency", "requests-per-minute",
      "tokens-per-minute", "retries", "backoff", "backoff-max", "retry-after-cap", "timeout",
      "breaker-failures", "breaker-cooldown", "budget", "prices");

  public RuntimeSettings {
    positive("concurrency", concurrency);
    positive("breaker-failures", breakerFailures);
    if (maxRetries < 0 || requestsPerMinute < 0 || tokensPerMinute < 0) {
      throw new IllegalArgumentException("retries, requests-per-minute and tokens-per-minute "
          + "must not be negative: " + maxRetries + ", " + requestsPerMinute + ", "
          + tokensPerMinute);
    }
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(prices, "prices");
    retryOn = Set.copyOf(retryOn);
  }

  /**
   * Defaults: 16 in flight, no rate limit, 4 retries from 500 ms up to 30 s, 60 s timeout, breaker
   * opening after 10 calls failed for good and half-opening after 5 s.
   */
  public static RuntimeSettings defaults() {
    return new RuntimeSettings(16, 0, 0, 4, Duration.ofMillis(500), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Duration.ofSeconds(60), 10, Duration.ofSeconds(5),
        Budget.unlimited(), PriceTable.FREE, EnumSet.of(Kind.RETRYABLE, Kind.MALFORMED));
  }

  /** Reads the runtime keys of a model entry; {@code where} names the entry in errors. */
  public static RuntimeSettings fromSpec(String where, java.util.Map<String, Object> settings) {
    SpecValues v = SpecValues.of(where, settings);
    RuntimeSettings d = defaults();
    Budget budget = v.nested("budget").map(Budget::fromSpec).orElse(d.budget());
    PriceTable prices = v.nested("prices").map(PriceTable::fromSpec).orElse(d.prices());
    return new RuntimeSettings(
        v.positiveLong("concurrency").map(Long::intValue).orElse(d.concurrency()),
        v.positiveLong("requests-per-minute").orElse(0L),
        v.positiveLong("tokens-per-minute").orElse(0L),
        v.number("retries").map(Double::intValue).orElse(d.maxRetries()),
        v.duration("backoff").orElse(d.backoff()),
        v.duration("backoff-max").orElse(d.backoffMax()),
        v.duration("retry-after-cap").orElse(d.retryAfterCap()),
        v.duration("timeout").orElse(d.timeout()),
        v.positiveLong("breaker-failures").map(Long::intValue).orElse(d.breakerFailures()),
        v.duration("breaker-cooldown").orElse(d.breakerCooldown()),
        budget, prices, d.retryOn());
  }

  public RuntimeSettings withConcurrency(int value) {
    return new RuntimeSettings(value, requestsPerMinute, tokensPerMinute, maxRetries, backoff,
        backoffMax, retryAfterCap, timeout, breakerFailures, breakerCooldown, budget, prices,
        retryOn);
  }

  public RuntimeSettings withRetries(int retries, Duration base, Duration max) {
    return new RuntimeSettings(concurrency, requestsPerMinute, tokensPerMinute, retries, base,
        max, retryAfterCap, timeout, breakerFailures, breakerCooldown, budget, prices, retryOn);
  }

  public RuntimeSettings withTimeout(Duration value) {
    return new RuntimeSettings(concurrency, requestsPerMinute, tokensPerMinute, maxRetries,
        backoff, backoffMax, retryAfterCap, value, breakerFailures, breakerCooldown, budget,
        prices, retryOn);
  }

  public RuntimeSettings withBudget(Budget value, PriceTable table) {
    return new RuntimeSettings(concurrency, requestsPerMinute, tokensPerMinute, maxRetries,
        backoff, backoffMax, retryAfterCap, timeout, breakerFailures, breakerCooldown, value,
        table, retryOn);
  }

  public RuntimeSettings withBreaker(int failures, Duration cooldown) {
    return new RuntimeSettings(concurrency, requestsPerMinute, tokensPerMinute, maxRetries,
        backoff, backoffMax, retryAfterCap, timeout, failures, cooldown, budget, prices, retryOn);
  }

  public RuntimeSettings withRateLimits(long requests, long tokens) {
    return new RuntimeSettings(concurrency, requests, tokens, maxRetries, backoff, backoffMax,
        retryAfterCap, timeout, breakerFailures, breakerCooldown, budget, prices, retryOn);
  }

  private static void positive(String key, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
  }
}
