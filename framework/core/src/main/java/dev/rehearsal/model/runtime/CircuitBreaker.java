package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import java.time.Duration;

/**
 * Protects an endpoint that keeps failing without eating the retries (issue 12 item 6): only calls
 * that failed for good (their retries spent, or a fatal error, which opens it at once) count. While
 * open, attempts fail fast with the last real cause. After the cooldown it half-opens and admits a
 * few trial attempts: one success closes it, one failure reopens it. {@link #admit} is asked when
 * an attempt actually starts (after its concurrency slot), so queued calls see a breaker that
 * opened while they waited (issue 15 item 4).
 */
final class CircuitBreaker {

  /** What an attempt may do. */
  enum Admission { CLOSED, TRIAL, REJECTED }

  private final int threshold;
  private final long cooldownNanos;
  private final int trials;
  private int consecutive;
  private boolean open;
  private long openedAt;
  private int trialsAdmitted;
  private String lastCause = "";

  CircuitBreaker(int threshold, Duration cooldown, int trials) {
    this.threshold = threshold;
    this.cooldownNanos = cooldown.toNanos();
    this.trials = trials;
  }

  synchronized Admission admit() {
    if (!open) {
      return Admission.CLOSED;
    }
    if (System.nanoTime() - openedAt < cooldownNanos || trialsAdmitted >= trials) {
      return Admission.REJECTED;
    }
    trialsAdmitted++;
    return Admission.TRIAL;
  }

  /** A successful attempt; a trial's success closes the breaker. */
  synchronized void success() {
    consecutive = 0;
    open = false;
  }

  /** An attempt that failed; counts when it was a trial, fatal, or had no retry left. */
  synchronized void failure(ModelException cause, Admission admission, boolean exhausted) {
    if (cause.kind() == Kind.CONTENT_FILTERED) {
      return;
    }
    boolean counts = admission == Admission.TRIAL || exhausted || cause.kind() == Kind.FATAL;
    if (!counts) {
      return;
    }
    lastCause = cause.getMessage();
    consecutive++;
    if (admission == Admission.TRIAL || cause.kind() == Kind.FATAL || consecutive >= threshold) {
      open = true;
      openedAt = System.nanoTime();
      trialsAdmitted = 0;
    }
  }

  /** Why attempts are refused now, with the last real cause. */
  synchronized String rejection(String modelId, Duration cooldown) {
    return "Circuit breaker for " + modelId + " is open after " + consecutive
        + " failed call(s); last cause: " + lastCause + ". Calls resume (" + trials
        + " trial calls first) after breaker-cooldown " + cooldown.toMillis()
        + " ms; check the endpoint, or raise breaker-failures in the spec";
  }
}
