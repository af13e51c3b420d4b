package dev.rehearsal.model.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/** A semaphore whose waiters are futures, so that no thread blocks while a call waits for a slot. */
final class AsyncPermits {

  private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
  private int available;

  AsyncPermits(int permits) {
    this.available = permits;
  }

  synchronized CompletableFuture<Void> acquire() {
    if (available > 0) {
      available--;
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    waiters.add(waiter);
    return waiter;
  }

  void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiters.poll();
      if (next == null) {
        available++;
      }
    }
    if (next != null) {
      next.complete(null);
    }
  }
}
