package dev.rehearsal.model.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ToolTurnRunnerTests {

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{}}}";
  /** A logged conversation: the assistant asked the weather tool for Rome and got "sunny". */
  private static final Conversation LOGGED = new Conversation("c1", List.of(
      Turn.user("Weather in Rome?"),
      new Turn(Role.ASSISTANT, "", List.of(new ToolCall("call-1", "weather",
          "{\"city\":\"Rome\",\"units\":\"c\"}")), Optional.empty(), false),
      Turn.tool("call-1", "sunny, 24C"),
      Turn.assistant("It is sunny in Rome.")), Map.of());

  private final List<ModelRequest> simulatorRequests = new CopyOnWriteArrayList<>();

  /** Calls the weather tool for {@code city} until it sees a tool result, then reports it. */
  private static ModelClient candidate(String city) {
    return new ModelClient() {
      @Override
      public CompletableFuture<ModelReply> complete(ModelRequest request) {
        Turn last = request.messages().get(request.messages().size() - 1);
        if (last.role() == Role.TOOL) {
          return CompletableFuture.completedFuture(ModelReply.text("Tool said: " + last.text()));
        }
        return CompletableFuture.completedFuture(new ModelReply("", List.of(new ToolCall("x1",
            "weather", "{ \"units\": \"c\", \"city\": \"" + city + "\" }")), "tool_calls", 0, 0,
            Duration.ZERO));
      }

      @Override
      public String modelId() {
        return "candidate";
      }
    };
  }

  private final ModelClient simulator = new ModelClient() {
    @Override
    public CompletableFuture<ModelReply> complete(ModelRequest request) {
      simulatorRequests.add(request);
      return CompletableFuture.completedFuture(ModelReply.text("rain, 12C"));
    }

    @Override
    public String modelId() {
      return "simulator";
    }
  };

  private static ModelRequest prefix() {
    return new ModelRequest(List.of(Turn.user("Weather in Rome?")), Map.of("weather", SCHEMA),
        Map.of("temperature", 0), "c1#0");
  }

  @Test
  void single_turn_grades_the_tool_call_itself() {
    ToolTurnRunner runner = new ToolTurnRunner(candidate("Rome"), ToolPolicy.SINGLE_TURN,
        Optional.empty(), 3);

    ToolOutcome outcome = runner.run(prefix(), LOGGED).join();

    assertThat(outcome.reply().toolCalls()).extracting(ToolCall::name).containsExactly("weather");
    assertThat(outcome.steps()).isZero();
    assertThat(runner.counts()).isEqualTo(new ToolCounts(0, 0, 1));
  }

  @Test
  void replay_answers_with_the_logged_result_when_arguments_match_canonically() {
    ToolTurnRunner runner = new ToolTurnRunner(candidate("Rome"), ToolPolicy.REPLAY,
        Optional.empty(), 3);

    ToolOutcome outcome = runner.run(prefix(), LOGGED).join();

    assertThat(outcome.reply().text()).isEqualTo("Tool said: sunny, 24C");
    assertThat(outcome.addedTurns()).extracting(Turn::role)
        .containsExactly(Role.ASSISTANT, Role.TOOL);
    assertThat(runner.counts()).isEqualTo(new ToolCounts(1, 0, 0));
    assertThat(runner.counts().realism()).isEqualTo(1.0);
  }

  @Test
  void replay_leaves_an_unlogged_call_unanswered_and_counts_it() {
    ToolTurnRunner runner = new ToolTurnRunner(candidate("Paris"), ToolPolicy.REPLAY,
        Optional.empty(), 3);

    ToolOutcome outcome = runner.run(prefix(), LOGGED).join();

    assertThat(outcome.reply().toolCalls()).hasSize(1);
    assertThat(runner.counts()).isEqualTo(new ToolCounts(0, 0, 1));
    assertThat(runner.counts().realism()).isZero();
  }

  @Test
  void simulate_replays_when_it_can_and_asks_the_simulator_otherwise() {
    ToolTurnRunner runner = new ToolTurnRunner(candidate("Paris"), ToolPolicy.SIMULATE,
        Optional.of(simulator), 3);
    runner.run(prefix(), LOGGED).join();
    ToolTurnRunner rome = new ToolTurnRunner(candidate("Rome"), ToolPolicy.SIMULATE,
        Optional.of(simulator), 3);
    rome.run(prefix(), LOGGED).join();

    assertThat(runner.counts()).isEqualTo(new ToolCounts(0, 1, 0));
    assertThat(rome.counts()).isEqualTo(new ToolCounts(1, 0, 0));
    String prompt = simulatorRequests.get(0).messages().get(1).text();
    assertThat(prompt).contains("Tool: weather").contains(SCHEMA).contains("Paris")
        .contains("-> sunny, 24C");
  }

  @Test
  void stops_at_the_step_limit_and_counts_the_last_calls_unanswered() {
    ModelClient looping = new ModelClient() {
      @Override
      public CompletableFuture<ModelReply> complete(ModelRequest request) {
        return CompletableFuture.completedFuture(new ModelReply("", List.of(new ToolCall("x",
            "weather", "{\"city\":\"Rome\",\"units\":\"c\"}")), "tool_calls", 0, 0, Duration.ZERO));
      }

      @Override
      public String modelId() {
        return "looping";
      }
    };
    ToolTurnRunner runner = new ToolTurnRunner(looping, ToolPolicy.REPLAY, Optional.empty(), 2);

    ToolOutcome outcome = runner.run(prefix(), LOGGED).join();

    assertThat(outcome.stepLimitReached()).isTrue();
    assertThat(outcome.steps()).isEqualTo(2);
    assertThat(runner.counts()).isEqualTo(new ToolCounts(2, 0, 1));
  }

  @Test
  void simulate_without_a_simulator_is_rejected_with_the_key_to_set() {
    assertThatThrownBy(() -> new ToolTurnRunner(candidate("Rome"), ToolPolicy.SIMULATE,
        Optional.empty(), 2)).hasMessageContaining("tools.simulator");
    assertThat(ToolPolicy.fromSpec("single-turn")).isEqualTo(ToolPolicy.SINGLE_TURN);
  }
}
