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

  public CachingModelClient(ModelClient delegate, ResponseCache cache, boolean fresh) {
    this(delegate, cache, fresh, Map.of());
  }

  /**
   * A cache for {@code delegate} whose keys also hold {@code settings}: the model entry's settings
   * that can change an answer (see {@link CacheKey}).
   */
  public CachingModelClient(ModelClient delegate, ResponseCache cache, boolean fresh,
      Map<String, ?> settings) {
    this.settings = Map.copyOf(settings);
    this.delegate = delegate;
    this.cache = cache;
    this.fresh = fresh;
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    String key = CacheKey.of(delegate.modelId(), settings, request);
    Optional<ModelReply> cached = fresh ? Optional.empty() : cache.get(key);
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
    obtain(key, request).whenComplete((reply, failure) -> {
      inFlight.remove(key);
      if (failure == null) {
        mine.complete(reply);
      } else {
        mine.completeExceptionally(failure);
      }
    });
    return mine;
  }

  /** Claims the key, then calls the model, unless another runner sharing the store answers it. */
  private CompletableFuture<ModelReply> obtain(String key, ModelRequest request) {
    // Fresh runs call whatever is stored, so they neither claim nor wait.
    CompletableFuture<Optional<ModelReply>> claim =
        fresh ? CompletableFuture.completedFuture(Optional.empty()) : cache.acquire(key);
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
