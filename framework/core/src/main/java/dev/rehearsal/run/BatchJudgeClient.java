package dev.rehearsal.run;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.batch.BatchDeferredException;
import dev.rehearsal.run.store.ModelKeys;
import dev.rehearsal.run.store.ResponseCache;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A judge's model in {@code mode: batch}: answers from the response cache (where collected batches
 * put their replies), fails a request whose batch result this run collected as an error, and
 * records every other request for submission, answering it with {@link BatchDeferredException}.
 * The keys are the arms' cache keys, so a judge reply collected in batch mode answers a later
 * synchronous judge of the same model entry and vice versa.
 */
final class BatchJudgeClient implements ModelClient {

  private final String modelId;
  private final ModelKeys keys;
  private final ResponseCache cache;
  private final BatchArm.Collected run;
  private final Map<String, ModelRequest> deferred = new LinkedHashMap<>();

  BatchJudgeClient(String modelId, Map<String, Object> keyed, ResponseCache cache, BatchArm.Collected run) {
    this.modelId = modelId;
    this.keys = new ModelKeys(modelId, keyed);
    this.cache = cache;
    this.run = run;
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    String key = keys.of(request);
    Optional<ModelReply> stored = cache.get(key);
    if (stored.isPresent()) {
      return CompletableFuture.completedFuture(stored.get());
    }
    String failed = run.failures().get(key);
    if (failed != null) {
      // Counted as this run's judge error, as a failed synchronous call is; a later run submits it again.
      return CompletableFuture.failedFuture(new ModelException(ModelException.Kind.FATAL, failed));
    }
    synchronized (deferred) {
      deferred.putIfAbsent(key, request);
    }
    return CompletableFuture.failedFuture(new BatchDeferredException(modelId));
  }

  /** The requests deferred since the last call, by cache key; clears them. */
  Map<String, ModelRequest> drain() {
    synchronized (deferred) {
      Map<String, ModelRequest> out = new LinkedHashMap<>(deferred);
      deferred.clear();
      return out;
    }
  }

  @Override
  public String modelId() {
    return modelId;
  }
}
