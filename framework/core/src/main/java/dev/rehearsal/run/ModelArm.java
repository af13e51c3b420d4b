package dev.rehearsal.run;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ConsoleProgress;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RunStats;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.model.runtime.tools.ToolCounts;
import dev.rehearsal.model.runtime.tools.ToolOutcome;
import dev.rehearsal.model.runtime.tools.ToolTurnRunner;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.store.CachingModelClient;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.spec.ToolsSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Lets a model write the next turn for every prefix: through the resilient runtime (concurrency,
 * rate limits, retries, budget) and, when a store is configured, the response cache, so a rerun
 * makes no calls and a killed run resumes without repeating finished ones. Tool calls in a reply are
 * answered by the arm's tool policy ({@link ToolTurnRunner}); the graded response is the last reply,
 * rendered as its tool calls when they stayed unanswered.
 */
final class ModelArm {

  /** Spec keys that are sampling parameters: sent with each request and part of its cache key. */
  static final Set<String> SAMPLING = Set.of("temperature", "max-tokens", "seed", "top-p", "stop");

  private final RunOptions options;
  // One resilient client per model entry for the whole run, so budgets, rate limits and the circuit
  // breaker span every batch of a sequential run and both arms when they share a model.
  private final Map<String, ResilientModelClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
  private Optional<RunStore> store = Optional.empty();
  private final Map<String, dev.rehearsal.model.batch.BatchClient> batchClients = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per model entry, what this run collected from batches. */
  private final Map<String, BatchArm.Collected> batchFailures = new java.util.concurrent.ConcurrentHashMap<>();

  ModelArm(RunOptions options) {
    this.options = options;
  }

  /** Closes the run's clients and store; the next answer opens new ones. */
  synchronized void close() {
    clients.values().forEach(ResilientModelClient::close);
    clients.clear();
    batchClients.values().forEach(dev.rehearsal.model.batch.BatchClient::close);
    batchClients.clear();
    batchFailures.clear();
    store.ifPresent(RunStore::close);
    store = Optional.empty();
  }

  private synchronized Optional<RunStore> store() {
    if (store.isEmpty()) {
      store = options.location().map(RunStore::open);
    }
    return store;
  }

  private ResilientModelClient client(ModelClientProvider provider, ModelConfig config) {
    return clients.computeIfAbsent(config.name(), n -> resilient(provider, config));
  }

  /** An arm's responses, how its model's tool calls were answered and how many calls the store answered. */
  record Answers(Map<String, Response> responses, ToolCounts tools, Optional<ArmCache> cache,
      ArmUsage usage) {}

  Map<String, Response> answer(ModelConfig config, List<Prefix> prefixes) {
    return answer(config, ToolsSpec.SINGLE_TURN, Optional.empty(), prefixes).responses();
  }

  /**
   * Answers every prefix; when the model calls tools they are answered by {@code tools.policy()} from
   * the prefix's logged conversation (and, under {@code simulate}, by the {@code simulator} model).
   */
  Answers answer(ModelConfig config, ToolsSpec tools, Optional<ModelConfig> simulator, List<Prefix> prefixes) {
    ModelClientProvider provider = ModelClients.provider(config.client());
    Optional<ModelClientProvider> simulatorProvider = simulator.map(s -> ModelClients.provider(s.client()));
    boolean anyCacheable = provider.cacheable() || simulatorProvider.map(ModelClientProvider::cacheable).orElse(false);
    Optional<RunStore> runStore = anyCacheable ? store() : Optional.empty();
    ResilientModelClient resilient = client(provider, config);
    List<CachingModelClient> caches = new ArrayList<>();
    ModelClient model = cached(resilient, provider, config, runStore, caches);
    Optional<ModelClient> sim = simulator.map(s -> cached(client(simulatorProvider.orElseThrow(), s),
        simulatorProvider.orElseThrow(), s, runStore, caches));
    ToolTurnRunner runner = new ToolTurnRunner(model, tools.policy(), sim, tools.maxSteps());
    RunStats start = resilient.stats();
    long before = start.done();
    ConsoleProgress progress = ConsoleProgress.start(options.progress(), config.name(), before + prefixes.size(),
        resilient::stats, options.progressEvery());
    try {
      List<ModelRequest> requests = requests(prefixes, sampling(config));
      Optional<CachingModelClient> stored = model instanceof CachingModelClient c ? Optional.of(c) : Optional.empty();
      stored.ifPresent(c -> c.prefetch(requests)); // a warm rerun reads its replies in batches, not a query each
      Map<String, Response> responses = generate(runner, stored, prefixes, requests);
      // Counted after every call has finished, simulator calls included.
      Optional<ArmCache> cache = caches.stream().map(c -> ArmCache.of(c.stats())).reduce(ArmCache::plus);
      RunStats end = resilient.stats();
      ArmUsage usage = new ArmUsage(end.repliesWithoutUsage() - start.repliesWithoutUsage(),
          end.repliesCutShort() - start.repliesCutShort());
      return new Answers(responses, runner.counts(), cache, usage);
    } finally {
      progress.close();
    }
  }

  /**
   * Answers every prefix through the provider's batch endpoint ({@code mode: batch}); needs the run
   * store, which remembers what was submitted for a later run to collect.
   */
  BatchArm.Result answerBatch(String arm, ModelConfig config, List<Prefix> prefixes, boolean wait) {
    dev.rehearsal.model.batch.BatchSettings settings =
        dev.rehearsal.model.batch.BatchSettings.fromSpec("models." + config.name(), config.settings());
    RunStore runStore = store().orElseThrow(() -> new IllegalStateException("models." + config.name()
        + " says 'mode: batch', which needs the run store to remember submitted batches between runs;"
        + " set rehearsal.store to a file (it is 'none')"));
    ModelClientProvider provider = ModelClients.provider(config.client());
    dev.rehearsal.model.batch.BatchClient client =
        batchClients.computeIfAbsent(config.name(), n -> provider.createBatch(config));
    return new BatchArm(client, settings, runStore, options.progress()).answer(arm, prefixes, sampling(config),
        keyed(config), wait, batchFailures.computeIfAbsent(config.name(), n -> BatchArm.Collected.empty()));
  }

  private static ResilientModelClient resilient(ModelClientProvider provider, ModelConfig config) {
    RuntimeSettings runtime = RuntimeSettings.fromSpec("models." + config.name(), config.settings());
    return new ResilientModelClient(provider.create(config), runtime);
  }

  private ModelClient cached(ResilientModelClient resilient, ModelClientProvider provider, ModelConfig config,
      Optional<RunStore> store, List<CachingModelClient> caches) {
    if (store.isEmpty() || !provider.cacheable()) {
      return resilient;
    }
    int concurrency = RuntimeSettings.fromSpec("models." + config.name(), config.settings()).concurrency();
    CachingModelClient cached = new CachingModelClient(resilient, store.get().responses(), options.fresh(), keyed(config),
        concurrency);
    caches.add(cached);
    return cached;
  }

  /**
   * The settings that go into cache keys: all but the runtime's own (concurrency, retries, budget...),
   * so any provider setting that can change an answer, present or future, separates cache entries.
   */
  static Map<String, Object> keyed(ModelConfig config) {
    Map<String, Object> keyed = new java.util.TreeMap<>(config.settings());
    keyed.keySet().removeAll(RuntimeSettings.KEYS);
    // Batch or synchronous, the same request gets the same answer: both modes share cached replies.
    keyed.keySet().removeAll(dev.rehearsal.model.batch.BatchSettings.KEYS);
    keyed.put("client", config.client());
    return keyed;
  }

  private static Map<String, Object> sampling(ModelConfig config) {
    Map<String, Object> sampling = new LinkedHashMap<>();
    config.settings().forEach((k, v) -> {
      if (SAMPLING.contains(k)) {
        sampling.put(k, v);
      }
    });
    return sampling;
  }

  private static List<ModelRequest> requests(List<Prefix> prefixes, Map<String, Object> sampling) {
    List<ModelRequest> requests = new ArrayList<>(prefixes.size());
    // Copied once: ModelRequest keeps an immutable map as it is instead of copying it per request.
    Map<String, Object> parameters = Map.copyOf(sampling);
    for (Prefix p : prefixes) {
      requests.add(new ModelRequest(p.turns(), p.source().conversation().tools(), parameters, p.sampleId()));
    }
    return requests;
  }

  private static Map<String, Response> generate(ToolTurnRunner runner, Optional<CachingModelClient> stored,
      List<Prefix> prefixes, List<ModelRequest> requests) {
    // A stored reply that calls no tools needs no future or tool step; other answers that come back
    // complete are taken at once: held until every call was sent, 10^5 futures and their stages
    // were young-GC copying in a warm rerun.
    Response[] answered = new Response[prefixes.size()];
    List<CompletableFuture<Response>> waiting = new ArrayList<>(prefixes.size());
    for (int i = 0; i < prefixes.size(); i++) {
      Prefix p = prefixes.get(i);
      ModelReply reply = stored.isPresent() ? stored.get().takeStored(requests.get(i)) : null;
      if (reply != null) {
        answered[i] = response(p.sampleId(), reply);
        waiting.add(null);
        continue;
      }
      CompletableFuture<Response> f = call(runner, requests.get(i), p.source().conversation(), p.sampleId());
      boolean done = f.isDone();
      answered[i] = done ? f.join() : null;
      waiting.add(done ? null : f);
    }
    Map<String, Response> out = new LinkedHashMap<>(prefixes.size() * 4 / 3 + 1);
    for (int i = 0; i < answered.length; i++) {
      Response r = answered[i] != null ? answered[i] : waiting.get(i).join();
      out.put(r.sampleId(), r);
    }
    return out;
  }

  private static CompletableFuture<Response> call(ToolTurnRunner runner, ModelRequest request, Conversation logged,
      String sampleId) {
    CompletableFuture<ToolOutcome> outcome;
    try {
      outcome = runner.run(request, logged);
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    return outcome.handle((o, e) -> e != null ? Response.failed(sampleId, Arms.reason(e)) : response(sampleId, o.reply()));
  }

  /** The arm's response for a model's last reply. */
  private static Response response(String sampleId, ModelReply r) {
    return r.refusedByApi() ? Response.refusedByApi(sampleId, r.text())
        : text(r).isBlank() ? Response.empty(sampleId, r.finishReason())
        : Response.of(sampleId, text(r));
  }

  /** The graded text: the reply, or its tool calls when it only calls tools (single-turn policy). */
  static String text(ModelReply r) {
    if (!r.text().isEmpty() || r.toolCalls().isEmpty()) {
      return r.text();
    }
    StringBuilder out = new StringBuilder();
    r.toolCalls().forEach(c -> out.append("[tool call ").append(c.name()).append(' ').append(c.argumentsJson()).append("]\n"));
    return out.toString().strip();
  }
}
