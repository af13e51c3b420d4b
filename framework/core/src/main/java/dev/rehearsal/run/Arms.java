package dev.rehearsal.run;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.prefix.DeidGuard;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.spec.ArmSpec;
import dev.rehearsal.spec.GateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Collects an arm's responses: replayed from the log, or written by a model. */
class Arms {

  static final int BATCH = 64;

  ArmResult answer(GateSpec spec, ArmSpec arm, List<Prefix> prefixes) {
    Map<String, Response> responses = new LinkedHashMap<>();
    if (arm.replay().isPresent()) {
      String variant = arm.replay().get();
      for (Prefix p : prefixes) {
        Optional<Turn> reply = p.loggedReply(variant);
        responses.put(p.sampleId(), reply.map(t -> Response.of(p.sampleId(), t.text()))
            .orElseGet(() -> Response.failed(p.sampleId(), "no logged reply in variant '" + variant + "'")));
      }
    } else {
      // The de-identification guard runs before the first prefix can leave the machine.
      DeidGuard.beforeModelCall(spec.prefixes().deid(), prefixes);
      ModelConfig config = spec.models().get(arm.model().orElseThrow());
      try (ModelClient client = ModelClients.provider(config.client()).create(config)) {
        generate(client, prefixes, responses);
      }
    }
    Map<String, Long> errors = new TreeMap<>();
    responses.values().forEach(r -> r.error().ifPresent(e -> errors.merge(e, 1L, Long::sum)));
    return new ArmResult(arm.name(), arm.describe(), responses, errors);
  }

  private static void generate(ModelClient client, List<Prefix> prefixes, Map<String, Response> out) {
    for (int from = 0; from < prefixes.size(); from += BATCH) {
      List<Prefix> batch = prefixes.subList(from, Math.min(prefixes.size(), from + BATCH));
      List<CompletableFuture<Response>> futures = new ArrayList<>();
      for (Prefix p : batch) {
        futures.add(call(client, p));
      }
      futures.forEach(f -> {
        Response r = f.join();
        out.put(r.sampleId(), r);
      });
    }
  }

  private static CompletableFuture<Response> call(ModelClient client, Prefix p) {
    ModelRequest request = new ModelRequest(p.turns(), Map.of(), Map.of(), p.sampleId());
    CompletableFuture<ModelReply> reply;
    try {
      reply = client.complete(request);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle((r, e) -> e == null ? Response.of(p.sampleId(), r.text()) : Response.failed(p.sampleId(), reason(e)));
  }

  static String reason(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof ModelException m) {
      return m.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + m.getMessage();
    }
    return "error: " + cause.getClass().getSimpleName();
  }
}
