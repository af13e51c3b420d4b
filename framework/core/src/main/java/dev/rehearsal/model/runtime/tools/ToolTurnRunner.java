package dev.rehearsal.model.runtime.tools;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/**
 * Asks a model for the next turn and, when the reply calls tools, answers them by the
 * {@link ToolPolicy} and asks again, up to a step limit. Counts how calls were answered, per arm.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ToolTurnRunner {

  private final ModelClient model;
  private final ToolPolicy policy;
  private final Optional<ModelClient> simulator;
  private final int stepLimit;
  private final LongAdder replayed = new LongAdder();
  private final LongAdder simulated = new LongAdder();
  private final LongAdder unanswered = new LongAdder();

  public ToolTurnRunner(ModelClient model, ToolPolicy policy, Optional<ModelClient> simulator,
      int stepLimit) {
    if (policy == ToolPolicy.SIMULATE && simulator.isEmpty()) {
      throw new IllegalArgumentException("tools.policy simulate needs tools.simulator: name the"
          + " model that writes tool results");
    }
    if (stepLimit < 1) {
      throw new IllegalArgumentException("tools.max-steps must be at least 1, was " + stepLimit);
    }
    this.model = model;
    this.policy = policy;
    this.simulator = simulator;
    this.stepLimit = stepLimit;
  }

  /** The graded reply for {@code request}, a prefix of {@code logged}. */
  public CompletableFuture<ToolOutcome> run(ModelRequest request, Conversation logged) {
    // No turns added yet: an immutable empty list, which ToolOutcome keeps as is (a warm rerun makes 10^5 of them).
    return model.complete(request).thenCompose(r -> step(request, logged, r, List.of(), 0));
  }

  public ToolCounts counts() {
    return new ToolCounts(replayed.sum(), simulated.sum(), unanswered.sum());
  }

  private CompletableFuture<ToolOutcome> step(ModelRequest request, Conversation logged,
      ModelReply reply, List<Turn> added, int steps) {
    if (reply.toolCalls().isEmpty()) {
      return CompletableFuture.completedFuture(new ToolOutcome(reply, added, steps, false));
    }
    if (policy == ToolPolicy.SINGLE_TURN || steps == stepLimit) {
      unanswered.add(reply.toolCalls().size());
      return CompletableFuture.completedFuture(new ToolOutcome(reply, added, steps,
          policy != ToolPolicy.SINGLE_TURN));
    }
    List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
    reply.toolCalls().forEach(call -> answers.add(answer(request, logged, call)));
    return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).thenCompose(x -> {
      if (answers.stream().anyMatch(a -> a.join().isEmpty())) {
        unanswered.add(answers.stream().filter(a -> a.join().isEmpty()).count());
        return CompletableFuture.completedFuture(new ToolOutcome(reply, added, steps, false));
      }
      List<Turn> turns = new ArrayList<>(added);
      turns.add(new Turn(Role.ASSISTANT, reply.text(), reply.toolCalls(), Optional.empty(), false));
      for (int i = 0; i < answers.size(); i++) {
        turns.add(Turn.tool(reply.toolCalls().get(i).id(), answers.get(i).join().orElseThrow()));
      }
      List<Turn> messages = new ArrayList<>(request.messages());
      messages.addAll(turns);
      ModelRequest next = new ModelRequest(messages, request.tools(), request.parameters(),
          request.sampleKey() + "/step" + (steps + 1));
      return model.complete(next).thenCompose(r -> step(request, logged, r, turns, steps + 1));
    });
  }

  private CompletableFuture<Optional<String>> answer(ModelRequest request, Conversation logged,
      ToolCall call) {
    Optional<String> logged1 = ToolAnswers.replay(logged, call);
    if (logged1.isPresent()) {
      replayed.increment();
      return CompletableFuture.completedFuture(logged1);
    }
    if (policy != ToolPolicy.SIMULATE) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return simulator.orElseThrow().complete(ToolAnswers.simulation(request, logged, call))
        .thenApply(r -> {
          simulated.increment();
          return Optional.of(r.text());
        });
  }
}
