package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.tools.ToolCounts;
import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool calls in a gate run, end to end over the committed {@code openai-tools.jsonl} log: the
 * candidate ({@link ToolScriptModelProvider}) calls the logged weather and calculator tools, and a
 * weather tool for tomorrow that the log never called.
 */
class ToolPolicyRunTests {

  static final String LISBON = "c1#u0";
  static final String TOMORROW = "c1#u1";
  static final String HAIKU = "c2#u0";
  static final String MILES = "c4#u0";

  @TempDir Path dir;

  @BeforeEach
  void log() throws IOException {
    ToolScriptModelProvider.REQUESTS.clear();
    PrefixFixtures.fixture(dir, "openai-tools.jsonl");
  }

  private GateSpec gate(String candidate) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: openai-tools.jsonl }
          eligible: { exclude: [multimodal] }
          sample: { size: 4, seed: 1 }
        """, "  production: { replay: logged }\n  candidate: " + candidate + "\n",
        "models:\n  assistant: { client: tool-script }\n  looping: { client: tool-script, script: looping }\n"
            + "  tool-sim: { client: tool-script, script: simulator }\n", Map.of());
  }

  private static GateRun run(GateSpec spec, Optional<Path> store) throws IOException {
    RunOptions options = new RunOptions(store, false, new PrintStream(OutputStream.nullOutputStream()),
        Duration.ofHours(1));
    return new GateRunner(options).run(spec);
  }

  private static Map<String, String> responses(GateRun run) {
    Map<String, String> out = new TreeMap<>();
    run.candidate().responses().forEach((id, r) -> out.put(id, r.text().orElse("ERROR " + r.error().orElse(""))));
    return out;
  }

  @Test
  void single_turn_grades_the_tool_call_itself_and_counts_it_unanswered() throws IOException {
    GateRun run = run(gate("{ model: assistant }"), Optional.empty());

    assertThat(responses(run)).containsExactlyInAnyOrderEntriesOf(Map.of(
        LISBON, "[tool call get_weather { \"city\" : \"Lisbon\" }]",
        TOMORROW, "[tool call get_weather {\"city\":\"Lisbon\",\"day\":\"tomorrow\"}]",
        HAIKU, "Plain answer.",
        MILES, "[tool call calculator {\"expression\":\"10*1.609\"}]"));
    assertThat(ToolScriptModelProvider.REQUESTS).hasSize(4);
    assertThat(run.candidate().tools()).contains(new ArmTools("single-turn", new ToolCounts(0, 0, 3)));
    assertThat(run.candidate().tools().orElseThrow().realism()).isZero();
    assertThat(run.production().tools()).isEmpty();
  }

  @Test
  void replay_answers_calls_whose_name_and_canonical_arguments_match_the_log_and_leaves_others_unanswered()
      throws IOException {
    GateRun run = run(gate("{ model: assistant, tools: { policy: replay } }"), Optional.empty());

    assertThat(responses(run)).containsExactlyInAnyOrderEntriesOf(Map.of(
        LISBON, "Answer from tool: {\"temp_c\":21,\"sky\":\"clear\"}",
        TOMORROW, "[tool call get_weather {\"city\":\"Lisbon\",\"day\":\"tomorrow\"}]",
        HAIKU, "Plain answer.",
        MILES, "Answer from tool: 16.09"));
    ModelRequest followUp = ToolScriptModelProvider.REQUESTS.stream()
        .filter(r -> r.sampleKey().equals(LISBON + "/step1")).findFirst().orElseThrow();
    List<Role> roles = followUp.messages().stream().map(t -> t.role()).toList();
    assertThat(roles).endsWith(Role.USER, Role.ASSISTANT, Role.TOOL);
    assertThat(followUp.messages().get(roles.size() - 2).toolCalls()).singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("get_weather"));
    ArmTools tools = run.candidate().tools().orElseThrow();
    assertThat(tools).isEqualTo(new ArmTools("replay", new ToolCounts(2, 0, 1)));
    assertThat(tools.realism()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(run.candidate().errorCount()).isZero();
  }

  @Test
  void simulate_lets_the_simulator_model_write_results_the_log_does_not_have() throws IOException {
    GateRun run = run(gate("{ model: assistant, tools: { policy: simulate, simulator: tool-sim } }"), Optional.empty());

    assertThat(responses(run)).containsEntry(TOMORROW, "Answer from tool: " + ToolScriptModelProvider.SIMULATED)
        .containsEntry(LISBON, "Answer from tool: {\"temp_c\":21,\"sky\":\"clear\"}")
        .containsEntry(MILES, "Answer from tool: 16.09");
    ModelRequest simulation = ToolScriptModelProvider.REQUESTS.stream()
        .filter(r -> r.sampleKey().startsWith(TOMORROW + "/tool/")).collect(onlyOne());
    assertThat(simulation.messages().get(0).text()).contains("You simulate a tool");
    assertThat(simulation.messages().get(1).text()).contains("Tool: get_weather",
        "Arguments: {\"city\":\"Lisbon\",\"day\":\"tomorrow\"}", "{\"city\":\"Lisbon\"} -> {\"temp_c\":21,\"sky\":\"clear\"}");
    ArmTools tools = run.candidate().tools().orElseThrow();
    assertThat(tools).isEqualTo(new ArmTools("simulate", new ToolCounts(2, 1, 0)));
    assertThat(tools.realism()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void the_step_limit_grades_the_tool_call_when_the_model_keeps_calling() throws IOException {
    GateRun run = run(gate("{ model: looping, tools: { policy: replay, max-steps: 2 } }"), Optional.empty());

    assertThat(responses(run).values()).containsOnly("[tool call get_weather { \"city\" : \"Lisbon\" }]");
    // c1's two prefixes replay twice each, then stop at the limit; c2 and c4 never logged the call.
    assertThat(run.candidate().tools()).contains(new ArmTools("replay", new ToolCounts(4, 0, 4)));
    assertThat(ToolScriptModelProvider.REQUESTS.stream().filter(r -> r.sampleKey().startsWith(LISBON)))
        .extracting(ModelRequest::sampleKey).containsExactlyInAnyOrder(LISBON, LISBON + "/step1", LISBON + "/step2");
  }

  @Test
  void a_rerun_with_a_store_makes_no_model_calls_and_counts_the_same() throws IOException {
    GateSpec spec = gate("{ model: assistant, tools: { policy: simulate, simulator: tool-sim } }");
    Path store = dir.resolve("store.db");
    GateRun first = run(spec, Optional.of(store));
    int calls = ToolScriptModelProvider.REQUESTS.size();

    GateRun second = run(spec, Optional.of(store));

    assertThat(calls).as("4 first replies, 3 follow-ups after tool results, 1 simulation").isEqualTo(8);
    assertThat(ToolScriptModelProvider.REQUESTS).hasSize(calls);
    assertThat(responses(second)).isEqualTo(responses(first));
    assertThat(second.candidate().tools()).isEqualTo(first.candidate().tools());
  }

  @Test
  void reports_print_and_record_the_realism_figure_per_arm() throws IOException {
    GateRun run = run(gate("{ model: assistant, tools: { policy: replay } }"), Optional.empty());

    Path reports = RunReports.write(run, dir.resolve("reports"));

    assertThat(DecisionTable.render(run)).contains(
        "; candidate tools replay: replayed 2, simulated 0, unanswered 1, realism 66.7%");
    JsonNode arms = new ObjectMapper().readTree(reports.resolve("decision.json").toFile()).get("arms");
    JsonNode tools = arms.get("candidate").get("tools");
    assertThat(tools.get("policy").asText()).isEqualTo("replay");
    assertThat(tools.get("replayed").asLong()).isEqualTo(2);
    assertThat(tools.get("simulated").asLong()).isZero();
    assertThat(tools.get("unanswered").asLong()).isEqualTo(1);
    assertThat(tools.get("realism").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(arms.get("production").get("description").asText()).isEqualTo("replay:logged");
    assertThat(arms.get("production").has("tools")).isFalse();
  }

  @Test
  void a_gate_without_tools_prints_no_tool_figures() throws IOException {
    GateSpec spec = PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: openai-tools.jsonl }
          eligible: { exclude: [multimodal] }
          sample: { size: 4, seed: 1 }
        """, "  production: { replay: logged }\n  candidate: { model: plain }\n",
        "models:\n  plain: { client: scripted, default: \"Hello.\" }\n", Map.of());

    GateRun run = run(spec, Optional.empty());

    assertThat(run.candidate().tools()).contains(new ArmTools("single-turn", new ToolCounts(0, 0, 0)));
    assertThat(DecisionTable.render(run)).doesNotContain("tools ");
  }

  @Test
  void the_block_guard_scans_the_whole_logged_conversation_when_tool_results_can_be_replayed() throws IOException {
    java.nio.file.Files.writeString(dir.resolve("pii.jsonl"), "{\"id\":\"p1\",\"messages\":["
        + "{\"role\":\"user\",\"content\":\"Who is on call?\"},"
        + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"t1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"oncall\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"t1\",\"content\":\"jane.doe@example.com\"},"
        + "{\"role\":\"assistant\",\"content\":\"Jane is.\"}]}\n");
    String prefixes = """
          source: { format: openai-messages, path: pii.jsonl }
          sample: { size: 1, seed: 1 }
          deid: { policy: block }
        """;
    String models = "models:\n  assistant: { client: tool-script }\n";

    GateRun singleTurn = run(PrefixFixtures.gate(dir, prefixes,
        "  production: { replay: logged }\n  candidate: { model: assistant }\n", models, Map.of()), Optional.empty());
    Throwable replay = org.assertj.core.api.Assertions.catchThrowable(() -> run(PrefixFixtures.gate(dir, prefixes,
        "  production: { replay: logged }\n  candidate: { model: assistant, tools: { policy: replay } }\n", models,
        Map.of()), Optional.empty()));

    assertThat(singleTurn.candidate().responses()).containsKey("p1#u0");
    assertThat(replay).isInstanceOf(dev.rehearsal.prefix.deid.DeidBlockedException.class)
        .hasMessageContaining("email").hasMessageNotContaining("jane.doe");
  }

  private static java.util.stream.Collector<ModelRequest, ?, ModelRequest> onlyOne() {
    return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
      assertThat(l).hasSize(1);
      return l.get(0);
    });
  }
}
