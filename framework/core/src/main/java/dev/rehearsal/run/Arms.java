package dev.rehearsal.run;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.tools.ToolPolicy;
import dev.rehearsal.prefix.DeidGuard;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.ArmSpec;
import dev.rehearsal.spec.DeidSpec;
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

  private final ModelArm models;
  private final List<BatchPending.Arm> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
  /**
   * Prefix lists the de-identification guard has passed under {@code block}, by identity: both arms
   * get the sample's own list, which sampling scanned already, and each scan of 100,000 prefixes
   * took 0.25 s of a warm rerun (issue 13 item 4).
   */
  private final java.util.Set<List<Prefix>> passed =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

  Arms(RunOptions options) {
    this.models = new ModelArm(options);
  }

  /** Ends the run: closes the model clients and the run store. */
  void close() {
    pending.clear();
    passed.clear();
    models.close();
  }

  ArmResult answer(GateSpec spec, ArmSpec arm, List<Prefix> prefixes) {
    Map<String, Response> responses = new LinkedHashMap<>();
    Optional<ArmTools> tools = Optional.empty();
    Optional<ArmCache> cache = Optional.empty();
    ArmUsage usage = ArmUsage.NONE;
    if (arm.replay().isPresent()) {
      String variant = arm.replay().get();
      for (Prefix p : prefixes) {
        Optional<Turn> reply = p.loggedReply(variant);
        // A blank logged reply (no text, no tool call) is counted like a blank model reply, never a clean grade.
        responses.put(p.sampleId(), reply.map(t -> t.text().isBlank() && t.toolCalls().isEmpty()
                ? Response.emptyLogged(p.sampleId(), variant) : Response.of(p.sampleId(), t.text()))
            .orElseGet(() -> Response.failed(p.sampleId(), "no logged reply in variant '" + variant + "'")));
      }
    } else {
      // The de-identification guard runs before the first prefix can leave the machine; an arm
      // whose model and simulator answer in process sends nothing anywhere, so it is not stopped.
      if (leavesProcess(spec, arm)) {
        if (!passed.contains(prefixes)) {
          DeidGuard.beforeModelCall(spec.prefixes().deid(), prefixes);
          passed.add(prefixes);
        }
        if (arm.tools().policy() != ToolPolicy.SINGLE_TURN) {
          // Replayed and simulated tool results come from the whole logged conversation, not only the prefix.
          DeidGuard.beforeModelCall(spec.prefixes().deid(), wholeConversations(prefixes));
        }
      }
      dev.rehearsal.model.ModelConfig config = spec.models().get(arm.model().orElseThrow());
      if (dev.rehearsal.model.batch.BatchSettings.fromSpec("models." + config.name(), config.settings()).batch()) {
        BatchArm.Result batch = models.answerBatch(arm.name(), config, prefixes, true);
        batch.pending().ifPresent(pending::add);
        // Not counted for batch replies yet: usage and cut-short replies (ArmUsage) of collected batches.
        return result(arm, batch.responses(), Optional.of(new ArmTools(arm.tools().policyName(),
            new dev.rehearsal.model.runtime.tools.ToolCounts(0, 0, 0))), Optional.of(batch.cache()), ArmUsage.NONE);
      }
      ModelArm.Answers answers = models.answer(spec.models().get(arm.model().orElseThrow()),
          arm.tools(), arm.tools().simulator().map(spec.models()::get), prefixes);
      responses = answers.responses(); // already in prefix order: a copy made 10^5 more map entries
      tools = Optional.of(new ArmTools(arm.tools().policyName(), answers.tools()));
      cache = answers.cache();
      usage = answers.usage();
    }
    return result(arm, responses, tools, cache, usage);
  }

  /**
   * Notes that sampling's guard found nothing in {@code sample} under {@code block}, so the arms
   * need not scan its prefixes again before their model calls.
   */
  void sampled(Sample sample, DeidSpec deid) {
    if (deid.policy() == DeidSpec.Policy.BLOCK && sample.deid().policy().equals(DeidSpec.Policy.BLOCK.wireName())
        && sample.deid().total() == 0) {
      passed.add(sample.prefixes());
    }
  }

  /**
   * Submits (or collects) every batch-mode arm without waiting, so that both arms' batches run at the
   * provider at once while the run then waits on the first.
   */
  Void submitBatches(GateSpec spec, List<Prefix> prefixes) {
    for (ArmSpec arm : List.of(spec.production(), spec.candidate())) {
      Optional<dev.rehearsal.model.ModelConfig> config = batchModel(spec, arm);
      if (config.isPresent()) {
        DeidGuard.beforeModelCall(spec.prefixes().deid(), prefixes);
        models.answerBatch(arm.name(), config.get(), prefixes, false);
      }
    }
    return null;
  }

  /** Whether an arm of the gate uses a model in {@code mode: batch}. */
  static boolean batchMode(GateSpec spec) {
    return batchModel(spec, spec.production()).isPresent() || batchModel(spec, spec.candidate()).isPresent();
  }

  private static Optional<dev.rehearsal.model.ModelConfig> batchModel(GateSpec spec, ArmSpec arm) {
    return arm.model().map(spec.models()::get).filter(c -> dev.rehearsal.model.batch.BatchSettings
        .fromSpec("models." + c.name(), c.settings()).batch());
  }

  /** Arms still waiting for batch replies, in the order they were answered. */
  List<BatchPending.Arm> pending() {
    return List.copyOf(pending);
  }

  private static ArmResult result(ArmSpec arm, Map<String, Response> responses, Optional<ArmTools> tools,
      Optional<ArmCache> cache, ArmUsage usage) {
    Map<String, Long> errors = new TreeMap<>();
    responses.values().forEach(r -> r.error().ifPresent(e -> errors.merge(e, 1L, Long::sum)));
    return new ArmResult(arm.name(), arm.describe(), responses, errors, tools, cache, usage);
  }

  /** Whether the arm's model or tool simulator sends prompts out of this process. */
  private static boolean leavesProcess(GateSpec spec, ArmSpec arm) {
    return java.util.stream.Stream.concat(arm.model().stream(), arm.tools().simulator().stream())
        .map(name -> dev.rehearsal.model.ModelClients.provider(spec.models().get(name).client()))
        .anyMatch(dev.rehearsal.model.ModelClientProvider::leavesProcess);
  }

  /** The prefixes with every turn of their logged conversation, for the de-identification guard. */
  private static List<Prefix> wholeConversations(List<Prefix> prefixes) {
    List<Prefix> out = new ArrayList<>();
    for (Prefix p : prefixes) {
      out.add(new Prefix(p.sampleId(), p.source(), p.userOrdinal(), p.source().conversation().turns(), p.segment()));
    }
    return out;
  }

  static String reason(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof dev.rehearsal.model.runtime.BudgetExceededException b) {
      return "budget exhausted: " + b.getMessage();
    }
    if (cause instanceof ModelException m) {
      return m.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + m.getMessage();
    }
    return "error: " + cause.getClass().getSimpleName();
  }
}
