package dev.rehearsal.run.store;

import dev.rehearsal.model.ModelReply;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits for replies that another runner has claimed: polls the store (5 ms, doubling to 200 ms)
 * until the reply is there, the claim is released (then claims again) or its holder is gone (then
 * takes it over). One daemon thread per store, started on the first wait.
 */
final class ClaimWaits {

  private static final long FIRST_POLL_MILLIS = 5;
  private static final long MAX_POLL_MILLIS = 200;

  private final ResponseCache cache;
  private final ClaimTable claims;
  private ScheduledExecutorService poller;

  ClaimWaits(ResponseCache cache, ClaimTable claims) {
    this.cache = cache;
    this.claims = claims;
  }

  /** Completes like {@link ResponseCache#acquire}, once the claim's holder stored or left. */
  CompletableFuture<Optional<ModelReply>> await(String key) {
    CompletableFuture<Optional<ModelReply>> result = new CompletableFuture<>();
    schedule(key, result, FIRST_POLL_MILLIS);
    return result;
  }

  private synchronized void schedule(String key, CompletableFuture<Optional<ModelReply>> result, long delay) {
    if (poller == null) {
      poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rehearsal-claim-waits");
        t.setDaemon(true);
        return t;
      });
    }
    poller.schedule(() -> poll(key, result, delay), delay, TimeUnit.MILLISECONDS);
  }

  private void poll(String key, CompletableFuture<Optional<ModelReply>> result, long delay) {
    try {
      Optional<ModelReply> stored = cache.get(key);
      if (stored.isPresent()) {
        result.complete(stored);
        return;
      }
      Optional<ClaimTable.Holder> holder = claims.holder(key);
      if (holder.isEmpty()) {
        // Released without a reply (the call failed) or stored just now: claim again.
        cache.acquire(key).whenComplete((r, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(r);
          }
        });
      } else if (holder.get().gone() && claims.takeOver(key, holder.get())) {
        result.complete(Optional.empty());
      } else {
        schedule(key, result, Math.min(delay * 2, MAX_POLL_MILLIS));
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }
}
