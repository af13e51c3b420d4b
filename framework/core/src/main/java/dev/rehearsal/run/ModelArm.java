package dev.rehearsal.run;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ConsoleProgress;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.store.CachingModelClient;
import dev.rehearsal.run.store.RunStore;
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
 * makes no calls and a killed run resumes without repeating finished ones.
 */
final class ModelArm {

  /** Spec keys that are sampling parameters: sent with each request and part of its cache key. */
  static final Set<String> SAMPLING = Set.of("temperature", "max-tokens", "seed", "top-p", "stop");

  private final RunOptions options;

  ModelArm(RunOptions options) {
    this.options = options;
  }

  Map<String, Response> answer(ModelConfig config, List<Prefix> prefixes) {
    ModelClientProvider provider = ModelClients.provider(config.client());
    RuntimeSettings runtime = RuntimeSettings.fromSpec("models." + config.name(), config.settings());
    Map<String, Object> sampling = new LinkedHashMap<>();
    config.settings().forEach((k, v) -> {
      if (SAMPLING.contains(k)) {
        sampling.put(k, v);
      }
    });
    Optional<RunStore> store = options.store().filter(p -> provider.cacheable()).map(RunStore::open);
    try (ResilientModelClient resilient = new ResilientModelClient(provider.create(config), runtime)) {
      ConsoleProgress progress = ConsoleProgress.start(options.progress(), config.name(), prefixes.size(),
          resilient::stats, options.progressEvery());
      try {
        return generate(resilient, store, prefixes, sampling);
      } finally {
        progress.close();
      }
    } finally {
      store.ifPresent(RunStore::close);
    }
  }

  private Map<String, Response> generate(ResilientModelClient resilient, Optional<RunStore> store, List<Prefix> prefixes,
      Map<String, Object> sampling) {
    ModelClient client = store.<ModelClient>map(s -> new CachingModelClient(resilient, s.responses(), options.fresh()))
        .orElse(resilient);
    List<CompletableFuture<Response>> futures = new ArrayList<>();
    for (Prefix p : prefixes) {
      futures.add(call(client, new ModelRequest(p.turns(), Map.of(), sampling, p.sampleId()), p.sampleId()));
    }
    Map<String, Response> out = new LinkedHashMap<>();
    futures.forEach(f -> {
      Response r = f.join();
      out.put(r.sampleId(), r);
    });
    return out;
  }

  private static CompletableFuture<Response> call(ModelClient client, ModelRequest request, String sampleId) {
    CompletableFuture<ModelReply> reply;
    try {
      reply = client.complete(request);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle((r, e) -> e == null ? Response.of(sampleId, text(r)) : Response.failed(sampleId, Arms.reason(e)));
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
