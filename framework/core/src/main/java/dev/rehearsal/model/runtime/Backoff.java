package dev.rehearsal.model.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter",
 * 2015): a uniform wait in [0, min(max, base * 2^retry)], unless the server said how long to wait;
 * then that wait, capped.
 */
record Backoff(Duration base, Duration max, Duration retryAfterCap) {

  Duration delay(int retry, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(retryAfterCap) > 0 ? retryAfterCap : asked;
    }
    long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(retry, 30));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }
}
