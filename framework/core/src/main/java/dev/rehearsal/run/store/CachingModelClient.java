package dev.rehearsal.run.store;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Answers from the {@link ResponseCache} when it can, else calls the model and commits the reply
 * before handing it on, so a killed run loses at most its calls in flight and a rerun never
 * repeats a finished one. Identical requests in flight at once share one call, within this process
 * and across runners sharing the store (a claim per key, see {@link ResponseCache#acquire}). With
 * {@code fresh} every request is sent, without a claim, and the stored reply overwritten.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CachingModelClient implements ModelClient {

  private final ModelClient delegate;
  private final ResponseCache cache;
  private final boolean fresh;
  private final ConcurrentHashMap<String, CompletableFuture<ModelReply>> inFlight =
      new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder writes = new LongAdder();

  private final Map<String, ?> settings;
  /** Built on first use: the delegate's model id may not be known at construction. */
  private volatile @Nullable ModelKeys keys;
  /** At most this many keys claimed and not yet answered; the rest queue unclaimed (see below). */
  private final int window;
  private int claimedNow;
  private final java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
  /**
   * What {@link #prefetch} found, by request object, each handed out once: {@link #complete} then
   * neither hashes the request again nor looks its key up (one map, not three: filling them was a
   * tenth of a warm rerun's reading time).
   */
  private volatile ConcurrentHashMap<Same, Ahead> ahead = new ConcurrentHashMap<>();

  /**
   * A prefetched request's intact stored reply, or its key when none was found: it then goes straight
   * to a claim. A hit keeps no key: 10^5 of them held until answered were young-GC copying.
   */
  private record Ahead(@Nullable String key, @Nullable ModelReply reply) {}

  /** A request compared by identity (a record's equals would compare every turn's text). */
  private record Same(ModelRequest request) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.request == request;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(request);
    }
  }

  public CachingModelClient(ModelClient delegate, ResponseCache cache, boolean fresh) {
    this(delegate, cache, fresh, Map.of());
  }

  /**
   * As {@link #CachingModelClient(ModelClient, ResponseCache, boolean, Map)}, claiming at most
   * {@code window} keys at a time (the model's concurrency): a runner then claims a key only when it
   * can call for it at once, so another runner sharing the store takes the keys it has not reached
   * instead of waiting for all of them.
   */
  public CachingModelClient(ModelClient delegate, ResponseCache cache, boolean fresh, Map<String, ?> settings,
      int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1, was " + window);
    }
    this.settings = Map.copyOf(settings);
    this.delegate = delegate;
    this.cache = cache;
    this.fresh = fresh;
    this.window = window;
  }

  /**
   * A cache for {@code delegate} whose keys also hold {@code settings}: the model entry's settings
   * that can change an answer (see {@link CacheKey}).
   */
  public CachingModelClient(ModelClient delegate, ResponseCache cache, boolean fresh,
      Map<String, ?> settings) {
    this(delegate, cache, fresh, settings, Integer.MAX_VALUE);
  }

  /**
   * Reads the stored replies of {@code requests} ahead, {@value ResponseCache#CHUNK} keys per query
   * ({@link ResponseCache#getInOrder}): a warm rerun of 100,000 samples otherwise paid a query and a lock
   * per request. A key found absent skips its own lookup later; its claim still looks for a reply
   * another runner stored meanwhile, so none is asked for twice.
   */
  public void prefetch(java.util.List<ModelRequest> requests) {
    if (fresh) {
      return;
    }
    // Hashing and reading 10^5 requests were most of a warm rerun's generate stages: each chunk is
    // hashed and read on one thread, the chunks spread over the cores and the read connections.
    if (ahead.isEmpty()) {
      // Sized for all of them at once: growing it while both threads filled it was 6% of their samples.
      ahead = new ConcurrentHashMap<>(requests.size() * 4 / 3 + 1);
    }
    int size = ResponseCache.CHUNK;
    java.util.stream.IntStream.range(0, (requests.size() + size - 1) / size).parallel().forEach(c ->
        prefetchChunk(requests.subList(c * size, Math.min(requests.size(), (c + 1) * size))));
  }

  private void prefetchChunk(java.util.List<ModelRequest> chunk) {
    java.util.List<String> chunkKeys = new java.util.ArrayList<>(chunk.size());
    for (ModelRequest request : chunk) {
      chunkKeys.add(keys().of(request));
    }
    ModelReply[] found = cache.getInOrder(chunkKeys);
    for (int i = 0; i < chunk.size(); i++) {
      String key = chunkKeys.get(i);
      ModelReply reply = found[i];
      ahead.put(new Same(chunk.get(i)), reply != null ? new Ahead(null, reply) : new Ahead(key, null));
    }
  }

  private ModelKeys keys() {
    ModelKeys k = keys;
    if (k == null) {
      k = new ModelKeys(delegate.modelId(), settings);
      keys = k;
    }
    return k;
  }

  /**
   * The stored reply prefetched for {@code request}, taken and counted as a hit, when it calls no
   * tools; else null, and {@link #complete} answers as usual. The arm then skips the futures and
   * tool steps of a reply that needs none (a warm rerun takes 10^5 of them).
   */
  public @Nullable ModelReply takeStored(ModelRequest request) {
    Same same = new Same(request);
    Ahead known = ahead.get(same);
    if (known == null || known.reply() == null || !known.reply().toolCalls().isEmpty()
        || !ahead.remove(same, known)) {
      return null;
    }
    hits.increment();
    return known.reply();
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    Ahead known = ahead.remove(new Same(request));
    if (known != null && known.reply() != null) {
      hits.increment();
      return CompletableFuture.completedFuture(known.reply());
    }
    String key = known != null && known.key() != null ? known.key() : keys().of(request);
    Optional<ModelReply> cached = fresh || known != null ? Optional.empty() : cache.get(key);
    if (cached.isPresent()) {
      hits.increment();
      return CompletableFuture.completedFuture(cached.get());
    }
    CompletableFuture<ModelReply> mine = new CompletableFuture<>();
    CompletableFuture<ModelReply> shared = inFlight.putIfAbsent(key, mine);
    if (shared != null) {
      hits.increment();
      return shared;
    }
    windowed(key, request).whenComplete((reply, failure) -> {
      inFlight.remove(key);
      if (failure == null) {
        mine.complete(reply);
      } else {
        mine.completeExceptionally(failure);
      }
    });
    return mine;
  }

  /** Claims and {@link #obtain}s now if fewer than {@code window} keys are claimed, else once one is answered. */
  private CompletableFuture<ModelReply> windowed(String key, ModelRequest request) {
    CompletableFuture<ModelReply> out = new CompletableFuture<>();
    Runnable start = () -> {
      CompletableFuture<ModelReply> reply;
      boolean waits = false;
      try {
        // Fresh runs call whatever is stored, so they neither claim nor wait.
        CompletableFuture<Optional<ModelReply>> claim =
            fresh ? CompletableFuture.completedFuture(Optional.empty()) : cache.acquire(key);
        // Waiting for another runner's reply holds no claim: let the next key in meanwhile.
        waits = !claim.isDone();
        if (waits) {
          leave();
        }
        reply = obtain(key, request, claim);
      } catch (RuntimeException e) {
        reply = CompletableFuture.failedFuture(e);
      }
      boolean left = waits;
      reply.whenComplete((r, e) -> {
        if (!left) {
          leave();
        }
        if (e == null) {
          out.complete(r);
        } else {
          out.completeExceptionally(e);
        }
      });
    };
    boolean now;
    synchronized (queued) {
      now = claimedNow < window;
      if (now) {
        claimedNow++;
      } else {
        queued.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return out;
  }

  /** Hands the freed place to the next queued key (on another thread: no recursion down a long queue). */
  private void leave() {
    Runnable next;
    synchronized (queued) {
      next = queued.poll();
      if (next == null) {
        claimedNow--;
      }
    }
    if (next != null) {
      CompletableFuture.runAsync(next);
    }
  }

  /** Calls the model once {@code claim} is won, unless another runner sharing the store answered. */
  private CompletableFuture<ModelReply> obtain(String key, ModelRequest request,
      CompletableFuture<Optional<ModelReply>> claim) {
    return claim.thenCompose(stored -> {
      if (stored.isPresent()) {
        hits.increment();
        return CompletableFuture.completedFuture(stored.get());
      }
      misses.increment();
      return call(request).thenApply(reply -> {
        cache.put(key, delegate.modelId(), reply);
        writes.increment();
        return reply;
      }).whenComplete((reply, failure) -> {
        if (failure != null && !fresh) {
          cache.release(key);
        }
      });
    });
  }

  private CompletableFuture<ModelReply> call(ModelRequest request) {
    try {
      return delegate.complete(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  public CacheStats stats() {
    return new CacheStats(hits.sum(), misses.sum(), cache.corrupted(), writes.sum());
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
