package dev.rehearsal.run.store;

import dev.rehearsal.model.ModelReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits for replies that another runner has claimed. One daemon thread per store, started on the
 * first wait, looks at every waited key together every {@value #POLL_MILLIS} ms (two queries, however
 * many keys): a stored reply completes its wait; a key with no claim left (the call failed) is claimed
 * again; a claim whose holder is gone (killed) is taken over.
 */
final class ClaimWaits {

  private static final long POLL_MILLIS = 10;

  private final ResponseCache cache;
  private final ClaimTable claims;
  private final Map<String, List<CompletableFuture<Optional<ModelReply>>>> waiting = new ConcurrentHashMap<>();
  private ScheduledExecutorService poller;

  ClaimWaits(ResponseCache cache, ClaimTable claims) {
    this.cache = cache;
    this.claims = claims;
  }

  /** Completes like {@link ResponseCache#acquire}, once the claim's holder stored or left. */
  synchronized CompletableFuture<Optional<ModelReply>> await(String key) {
    CompletableFuture<Optional<ModelReply>> result = new CompletableFuture<>();
    waiting.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(result);
    if (poller == null) {
      poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rehearsal-claim-waits");
        t.setDaemon(true);
        return t;
      });
      poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    return result;
  }

  private void poll() {
    List<String> keys = new ArrayList<>(waiting.keySet());
    if (keys.isEmpty()) {
      return;
    }
    try {
      Map<String, ModelReply> stored = cache.stored(keys);
      stored.forEach((key, reply) -> finish(key, Optional.of(reply)));
      keys.removeAll(stored.keySet());
      Map<String, ClaimTable.Holder> holders = claims.holders(keys);
      for (String key : keys) {
        ClaimTable.Holder holder = holders.get(key);
        if (holder == null) {
          // Released without a reply (the call failed) or stored just now: claim again.
          List<CompletableFuture<Optional<ModelReply>>> futures = waiting.remove(key);
          futures.forEach(f -> cache.acquire(key).whenComplete((r, e) -> complete(f, r, e)));
        } else if (holder.gone() && claims.takeOver(key, holder)) {
          // This runner calls now: the first waiter does, the others (same key) share its reply.
          List<CompletableFuture<Optional<ModelReply>>> futures = waiting.remove(key);
          futures.get(0).complete(Optional.empty());
          futures.subList(1, futures.size()).forEach(f -> await(key).whenComplete((r, e) -> complete(f, r, e)));
        }
      }
    } catch (RuntimeException e) {
      keys.forEach(key -> Optional.ofNullable(waiting.remove(key)).ifPresent(fs -> fs.forEach(f -> f.completeExceptionally(e))));
    }
  }

  private void finish(String key, Optional<ModelReply> reply) {
    Optional.ofNullable(waiting.remove(key)).ifPresent(fs -> fs.forEach(f -> f.complete(reply)));
  }

  private static void complete(CompletableFuture<Optional<ModelReply>> f, Optional<ModelReply> r, Throwable e) {
    if (e != null) {
      f.completeExceptionally(e);
    } else {
      f.complete(r);
    }
  }

  /** Stops polling; a wait still open fails (the store closed under it) rather than hanging. */
  synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    IllegalStateException closed = new IllegalStateException("The run store was closed while waiting for a reply"
        + " another runner is fetching");
    new ArrayList<>(waiting.keySet()).forEach(key -> Optional.ofNullable(waiting.remove(key))
        .ifPresent(fs -> fs.forEach(f -> f.completeExceptionally(closed))));
  }
}
