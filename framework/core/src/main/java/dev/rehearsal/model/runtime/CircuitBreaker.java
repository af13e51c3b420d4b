package dev.rehearsal.model.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens after a number of consecutive failed attempts; while open, calls fail fast. After the
 * cooldown it lets calls through again (half-open): one success closes it, one failure reopens it.
 */
final class CircuitBreaker {

  private final int threshold;
  private final long cooldownNanos;
  private final AtomicInteger consecutive = new AtomicInteger();
  private volatile long openedAt;

  CircuitBreaker(int threshold, Duration cooldown) {
    this.threshold = threshold;
    this.cooldownNanos = cooldown.toNanos();
  }

  boolean allows() {
    return consecutive.get() < threshold || System.nanoTime() - openedAt >= cooldownNanos;
  }

  void success() {
    consecutive.set(0);
  }

  void failure() {
    if (consecutive.incrementAndGet() >= threshold) {
      openedAt = System.nanoTime();
    }
  }

  int threshold() {
    return threshold;
  }
}
