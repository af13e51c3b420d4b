package dev.rehearsal.run;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.batch.BatchClient;
import dev.rehearsal.model.batch.BatchSettings;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.run.store.StoreLocation;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GraderSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The judge graders of one run whose model says {@code mode: batch}. A grading pass answers their
 * calls from the response cache and defers the rest ({@link BatchJudgeClient}); {@link #submit} then
 * sends the deferred calls as batches through the same {@link BatchArm} as the arms (custom_id =
 * cache key, recorded before the provider is called), and a later pass or a later run grades on the
 * collected replies. A judge verdict malformed in a collected reply is retried the same way, as a
 * new request in a new batch.
 */
final class BatchJudges implements AutoCloseable {

  /** One batch-mode judge model: its batch endpoint, its deferring client, what this run collected. */
  private record Judge(String graders, BatchClient batches, BatchArm arm,
      BatchJudgeClient client, BatchArm.Collected collected) {}

  /** What one {@link #submit} did: whether any call was deferred, and what is still outstanding. */
  record Round(boolean deferred, List<BatchPending.Arm> pending) {}

  private final RunStore store;
  private final Map<String, Judge> judges;

  private BatchJudges(RunStore store, Map<String, Judge> judges) {
    this.store = store;
    this.judges = judges;
  }

  /** The gate's batch-mode judges; empty when it has none. */
  static Optional<BatchJudges> open(GateSpec spec, Optional<StoreLocation> location, PrintStream progress) {
    Map<String, List<String>> gradersByModel = new LinkedHashMap<>();
    spec.graders().forEach((id, g) -> judgeModel(spec, g).ifPresent(m -> gradersByModel.computeIfAbsent(m,
        k -> new ArrayList<>()).add(id)));
    if (gradersByModel.isEmpty()) {
      return Optional.empty();
    }
    StoreLocation where = location.orElseThrow(() -> new IllegalStateException("Judge grader(s) "
        + gradersByModel.values() + " use a model in 'mode: batch', which needs the run store to remember submitted"
        + " batches between runs; set rehearsal.store to a file (it is 'none')"));
    RunStore store = RunStore.open(where);
    Map<String, Judge> judges = new LinkedHashMap<>();
    try {
      gradersByModel.forEach((name, graders) -> {
        ModelConfig config = spec.models().get(name);
        BatchClient batches = ModelClients.provider(config.client()).createBatch(config);
        BatchArm.Collected collected = BatchArm.Collected.empty();
        BatchArm arm = new BatchArm(batches, BatchSettings.fromSpec("models." + name, config.settings()), store, progress);
        judges.put(name, new Judge(String.join(", ", graders), batches, arm,
            new BatchJudgeClient(batches.modelId(), ModelArm.keyed(config), store.responses(), collected), collected));
      });
    } catch (RuntimeException e) {
      judges.values().forEach(j -> j.batches().close());
      store.close();
      throw e;
    }
    return Optional.of(new BatchJudges(store, judges));
  }

  /** The model entry a batch-mode judge grader calls, if {@code g} is one. */
  private static Optional<String> judgeModel(GateSpec spec, GraderSpec g) {
    return Optional.of(g).filter(s -> s.type().equals("judge")).map(s -> s.settings().get("model"))
        .map(String::valueOf).filter(m -> spec.models().containsKey(m))
        .filter(m -> BatchSettings.fromSpec("models." + m, spec.models().get(m).settings()).batch());
  }

  /** Clients for the graders: the deferring client for batch-mode judge models, {@code base} for the others. */
  Function<ModelConfig, ModelClient> clients(Function<ModelConfig, ModelClient> base) {
    return config -> {
      Judge judge = judges.get(config.name());
      return judge != null ? judge.client() : base.apply(config);
    };
  }

  /** Collects every ended batch of the judge models into the cache, before a grading pass reads it. */
  void collect() {
    judges.values().forEach(j -> j.arm().answer(Map.of(), false, j.collected(), k -> true));
  }

  /**
   * Submits the calls the last grading pass deferred (none that an open batch already holds) and,
   * with {@code wait}, waits for them up to {@code batch.max-wait}.
   */
  Round submit(boolean wait) {
    boolean deferred = false;
    List<BatchPending.Arm> pending = new ArrayList<>();
    for (Judge j : judges.values()) {
      Map<String, ModelRequest> requests = j.client().drain();
      if (requests.isEmpty()) {
        continue;
      }
      deferred = true;
      BatchArm.Answered answered = j.arm().answer(requests, wait, j.collected(), k -> true);
      j.arm().pending("judge " + j.graders(), answered).ifPresent(pending::add);
    }
    return new Round(deferred, pending);
  }

  @Override
  public void close() {
    try {
      judges.values().forEach(j -> j.batches().close());
    } finally {
      store.close();
    }
  }
}
