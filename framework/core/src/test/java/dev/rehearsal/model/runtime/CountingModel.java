package dev.rehearsal.model.runtime;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process model that fails as scripted, then echoes; counts calls and peak concurrency. */
final class CountingModel implements ModelClient {

  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger peak = new AtomicInteger();
  final ConcurrentLinkedQueue<ModelException> failures = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<CompletableFuture<ModelReply>> held = new ConcurrentLinkedQueue<>();
  volatile boolean hold;

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    calls.incrementAndGet();
    ModelException failure = failures.poll();
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    ModelReply reply = new ModelReply("echo " + request.messages().get(0).text(), List.of(),
        "stop", 100, 50, Duration.ZERO);
    if (!hold) {
      return CompletableFuture.completedFuture(reply);
    }
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    CompletableFuture<ModelReply> pending = new CompletableFuture<>();
    held.add(pending);
    return pending.thenApply(ignored -> {
      inFlight.decrementAndGet();
      return reply;
    });
  }

  @Override
  public String modelId() {
    return "counting";
  }

  static ModelRequest ask(String text) {
    return new ModelRequest(List.of(Turn.user(text)), Map.of(), Map.of("temperature", 0), text);
  }
}
