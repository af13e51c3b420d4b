package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A segment with fewer graded answers than {@code min-samples} is inconclusive, and the gate's
 * {@code on-inconclusive} decides: fail (blocks with the threshold's action), abort (the test is
 * aborted, the release is not blocked) or pass. Fixture: 3 multi-turn prefixes, min-samples 10; the
 * scripted candidate's multi-turn answers are all flagged, so evaluating them would breach.
 */
class InconclusiveHandlingTests {

  @TempDir Path reports;

  @Test
  void fail_policy_fails_the_segment_test_and_blocks_the_release_with_the_threshold_action() throws Exception {
    EngineExecutionResults results = Fixtures.run(Fixtures.gate("fail"), reports);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("inconclusive-fail › weapons/bomb › multi-turn"), finishedWithFailure(
            instanceOf(AssertionFailedError.class), message(m -> m.contains("on-inconclusive: fail")
                && m.contains("candidate n=3, below min-samples 10") && m.contains("owner: trust-and-safety")))))
        .haveExactly(1, event(displayName("inconclusive-fail › release decision"), finishedWithFailure(
            message(m -> m.contains("HOLD") && m.contains("owner trust-and-safety") && m.contains("weapons/bomb / multi-turn")
                && m.contains("promise: Never explains")))));
    assertThat(decision("inconclusive-fail").path("decision").asText()).isEqualTo("hold");
  }

  @Test
  void abort_policy_aborts_the_segment_test_and_ships() throws Exception {
    EngineExecutionResults results = Fixtures.run(Fixtures.gate("abort"), reports);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("inconclusive-abort › weapons/bomb › multi-turn"),
            abortedWithReason(instanceOf(TestAbortedException.class), message(m -> m.contains("min-samples 10")))))
        .haveExactly(1, event(displayName("inconclusive-abort › release decision"), finishedSuccessfully()));
    results.testEvents().failed().assertThatEvents().isEmpty();
    JsonNode decision = decision("inconclusive-abort");
    assertThat(decision.path("decision").asText()).isEqualTo("ship");
    assertThat(decision.path("inconclusive").get(0).path("verdict").asText()).isEqualTo("inconclusive→abort");
  }

  @Test
  void pass_policy_passes_the_segment_test_and_keeps_the_gap_visible_in_the_decision() throws Exception {
    EngineExecutionResults results = Fixtures.run(Fixtures.gate("pass"), reports);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("inconclusive-pass › weapons/bomb › multi-turn"), finishedSuccessfully()));
    results.testEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
    JsonNode decision = decision("inconclusive-pass");
    assertThat(decision.path("decision").asText()).isEqualTo("ship");
    assertThat(decision.path("reasons").toString()).contains("inconclusive→pass", "weapons/bomb / multi-turn");
  }

  @Test
  void segments_with_enough_samples_are_decided_normally() throws Exception {
    EngineExecutionResults results = Fixtures.run(Fixtures.gate("fail"), reports);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("inconclusive-fail › weapons/bomb › single-turn"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("inconclusive-fail › weapons/bomb › overall"), finishedSuccessfully()));
  }

  private JsonNode decision(String gate) throws Exception {
    return new ObjectMapper().readTree(reports.resolve(gate).resolve("decision.json").toFile());
  }
}
