package dev.rehearsal.run;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.batch.BatchClient;
import dev.rehearsal.model.batch.BatchEntry;
import dev.rehearsal.model.batch.BatchSettings;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.store.BatchTable;
import dev.rehearsal.run.store.ModelKeys;
import dev.rehearsal.run.store.ResponseCache;
import dev.rehearsal.run.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers an arm through the provider's batch endpoint: collects ended batches into the response
 * cache, submits only the requests that have neither a stored reply nor a place in an open batch
 * ({@code custom_id} = cache key, so nothing finished is ever sent twice), and waits up to
 * {@code batch.max-wait}. Requests still outstanding then make the arm pending. Per-request errors,
 * expiry, cancellation and results missing from an ended batch become counted errors of this run;
 * a later run resubmits them, as a synchronous rerun retries a failed call.
 */
final class BatchArm {

  /** A submission recorded but never confirmed is abandoned (resubmitted) after this long. */
  static final Duration ORPHAN_AFTER = Duration.ofMinutes(10);

  private final BatchClient client;
  private final BatchSettings settings;
  private final BatchTable table;
  private final ResponseCache cache;
  private final java.io.PrintStream progress;

  BatchArm(BatchClient client, BatchSettings settings, RunStore store, java.io.PrintStream progress) {
    this.client = client;
    this.settings = settings;
    this.table = new BatchTable(store);
    this.cache = store.responses();
    this.progress = progress;
  }

  /** What one run collected from batches of one model: failures by cache key, and the keys of replies. */
  record Collected(Map<String, String> failures, Set<String> replies) {
    static Collected empty() {
      return new Collected(new java.util.concurrent.ConcurrentHashMap<>(), java.util.concurrent.ConcurrentHashMap.newKeySet());
    }
  }

  /** The arm's responses, and what it still waits for. */
  record Result(Map<String, Response> responses, Optional<BatchPending.Arm> pending, ArmCache cache) {}

  /**
   * {@code run}: what this run's passes collected so far (errors by cache key, keys of replies),
   * shared so a request that failed is counted, not sent again in the same run, and replies collected
   * now are not reported as answered from the store.
   */
  Result answer(String arm, List<Prefix> prefixes, Map<String, Object> sampling, Map<String, Object> keyed,
      boolean wait, Collected run) {
    Map<String, ModelRequest> requests = new LinkedHashMap<>();
    Map<String, String> keyOf = new LinkedHashMap<>();
    ModelKeys keys = new ModelKeys(client.modelId(), keyed);
    for (Prefix p : prefixes) {
      ModelRequest request = new ModelRequest(p.turns(), p.source().conversation().tools(), sampling, p.sampleId());
      String key = keys.of(request);
      requests.putIfAbsent(key, request);
      keyOf.put(p.sampleId(), key);
    }
    Answered answered = answer(requests, wait, run, requests.keySet()::contains);
    return result(arm, prefixes, keyOf, answered, run.failures());
  }

  /** What keyed requests got: their stored or collected replies, what is still outstanding, and counts. */
  record Answered(Map<String, ModelReply> replies, Set<String> missing, long submittedNow, long hits, long requests) {}

  /**
   * Collects ended batches, submits the requests (by cache key) that have neither a reply nor a
   * failure of this run nor a place in an open batch, and waits up to {@code batch.max-wait} when
   * {@code wait}. Failures of collected requests that {@code counted} accepts go to {@code run}.
   */
  Answered answer(Map<String, ModelRequest> requests, boolean wait, Collected run,
      java.util.function.Predicate<String> counted) {
    Map<String, String> failures = run.failures();
    Map<String, ModelReply> replies = cache.getAll(requests.keySet());
    Instant deadline = Instant.now().plus(wait ? settings.maxWait() : Duration.ZERO);
    long submittedNow = 0;
    for (boolean first = true; ; first = false) {
      // Read again after a collection, and on every later poll: another run sharing the store may
      // have collected one of these batches meanwhile.
      if (collect(counted, run) || !first) {
        replies = cache.getAll(requests.keySet());
      }
      Set<String> missing = new LinkedHashSet<>(requests.keySet());
      missing.removeAll(replies.keySet());
      missing.removeAll(failures.keySet());
      submittedNow += submit(missing, requests);
      if (missing.isEmpty() || !Instant.now().isBefore(deadline)) {
        long hits = replies.keySet().stream().filter(k -> !run.replies().contains(k)).count();
        return new Answered(replies, missing, submittedNow, hits, requests.size());
      }
      pause();
    }
  }

  /** The pending entry of {@code name} (an arm, or a batch judge) for what is still outstanding. */
  Optional<BatchPending.Arm> pending(String name, Answered answered) {
    return answered.missing().isEmpty() ? Optional.empty()
        : Optional.of(new BatchPending.Arm(name, client.modelId(), openBatches(answered.missing()),
            answered.missing().size(), answered.requests(), answered.submittedNow()));
  }

  /** Polls every open submission of this model; ended ones are collected into the cache. */
  private boolean collect(java.util.function.Predicate<String> wanted, Collected run) {
    boolean collected = false;
    for (BatchTable.Submission s : table.open(client.modelId())) {
      Optional<String> batchId = s.batchId().or(() -> recover(s));
      if (batchId.isEmpty()) {
        continue;
      }
      var status = client.status(batchId.get());
      table.polled(s.submission(), status.providerStatus());
      say("batch " + batchId.get() + " " + status.describe());
      if (status.ended()) {
        BatchCollection.collect(client, table, cache, s.submission(), batchId.get(), status, wanted, run);
        collected = true;
      }
    }
    return collected;
  }

  /** A progress line; the model id may hold a base-url from the environment, so it is masked. */
  private void say(String line) {
    progress.println(dev.rehearsal.spec.Secrets.mask("[rehearsal] " + line));
  }

  /** A submission recorded just before a process died: found at the provider, or given up when old. */
  private Optional<String> recover(BatchTable.Submission s) {
    Optional<String> found = client.find(s.submission());
    if (found.isPresent()) {
      table.submitted(s.submission(), found.get());
    } else if (Instant.parse(s.submittedAt()).plus(ORPHAN_AFTER).isBefore(Instant.now())) {
      say("warning: submission " + s.submission() + " was recorded but never reached the provider (the process"
          + " died while submitting); its requests are submitted again");
      table.abandon(s.submission());
    }
    return found;
  }

  /** Submits the missing requests that no open batch holds, in batches of {@code max-requests}. */
  private long submit(Set<String> missing, Map<String, ModelRequest> requests) {
    Set<String> inFlight = new java.util.HashSet<>();
    table.open(client.modelId()).forEach(s -> inFlight.addAll(table.customIds(s.submission())));
    List<String> fresh = missing.stream().filter(k -> !inFlight.contains(k)).toList();
    for (int from = 0; from < fresh.size(); from += settings.maxRequests()) {
      List<String> chunk = fresh.subList(from, Math.min(fresh.size(), from + settings.maxRequests()));
      String submission = UUID.randomUUID().toString();
      // Recorded first: a process killed after the provider accepted the batch still knows about it.
      table.intend(submission, client.modelId(), chunk);
      List<BatchEntry> entries = chunk.stream().map(k -> new BatchEntry(k, requests.get(k))).toList();
      String batchId = client.submit(submission, entries);
      table.submitted(submission, batchId);
      say("batch " + batchId + " submitted: " + chunk.size() + " requests to " + client.modelId());
    }
    return fresh.size();
  }

  private Result result(String arm, List<Prefix> prefixes, Map<String, String> keyOf, Answered answered,
      Map<String, String> failures) {
    Map<String, Response> out = new LinkedHashMap<>();
    for (Prefix p : prefixes) {
      String key = keyOf.get(p.sampleId());
      ModelReply reply = answered.replies().get(key);
      if (reply != null) {
        out.put(p.sampleId(), response(p.sampleId(), reply));
      } else if (failures.containsKey(key)) {
        out.put(p.sampleId(), Response.failed(p.sampleId(), failures.get(key)));
      }
    }
    return new Result(out, pending(arm, answered), new ArmCache(answered.hits(), answered.requests()));
  }

  /** {@code batch_1 [in_progress]} for each open batch holding an outstanding request. */
  private List<String> openBatches(Set<String> missing) {
    List<String> out = new ArrayList<>();
    for (BatchTable.Submission s : table.open(client.modelId())) {
      Set<String> ids = table.customIds(s.submission());
      if (missing.stream().anyMatch(ids::contains)) {
        out.add(s.batchId().orElse("(submission " + s.submission() + ")") + " [" + s.providerStatus() + "]");
      }
    }
    return out;
  }

  /** Mirrors the synchronous arm: an API refusal, an empty reply, or the graded text. */
  static Response response(String sampleId, ModelReply reply) {
    return reply.refusedByApi() ? Response.refusedByApi(sampleId, reply.text())
        : ModelArm.text(reply).isBlank() ? Response.empty(sampleId, reply.finishReason())
        : Response.of(sampleId, ModelArm.text(reply));
  }

  // Waiting for a remote batch is the point of batch.max-wait; the interval is the user's setting.
  private void pause() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a batch", e);
    }
  }
}
