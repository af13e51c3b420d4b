package dev.rehearsal.model.runtime;

/**
 * A reserving token bucket for "per minute" limits: a caller takes its permits now and is told how
 * long to wait before using them, so the bucket never blocks a thread (as Guava's SmoothBursty).
 * The bucket holds one second's worth, so a run starts without a burst of a whole minute.
 */
final class RateLimiter {

  private final double permitsPerNano;
  private final double capacity;
  private double stored;
  private long lastNanos;

  RateLimiter(long perMinute) {
    this.permitsPerNano = perMinute / 60e9;
    this.capacity = Math.max(1, perMinute / 60.0);
    this.stored = capacity;
    this.lastNanos = System.nanoTime();
  }

  /** Takes {@code permits} and returns the nanoseconds to wait before using them. */
  synchronized long reserve(long permits) {
    long now = System.nanoTime();
    stored = Math.min(capacity, stored + (now - lastNanos) * permitsPerNano);
    lastNanos = now;
    stored -= permits;
    return stored >= 0 ? 0 : (long) Math.ceil(-stored / permitsPerNano);
  }
}
