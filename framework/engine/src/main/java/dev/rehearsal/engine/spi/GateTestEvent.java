package dev.rehearsal.engine.spi;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.Mark;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One test of a gate as it executes: which node, what it checked and how it will end.
 *
 * @param run the gate's run
 * @param kind the kind of node
 * @param category the category, for segment, overall and comparison tests
 * @param segment the segment ({@code overall} for overall and comparison tests, the gate id otherwise)
 * @param checks the threshold checks the test reads (empty for health and decision tests)
 * @param outcome how the test will end
 * @param message the failure or abort message, empty when it passes without remarks
 * @param uniqueId the JUnit unique id (stable across runs)
 * @param displayName the display name
 * @param mark the spec position the test points at
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateTestEvent(
    GateRun run,
    Kind kind,
    Optional<CategoryResult> category,
    String segment,
    List<CheckResult> checks,
    TestOutcome outcome,
    String message,
    String uniqueId,
    String displayName,
    Mark mark) {

  public GateTestEvent {
    checks = List.copyOf(checks);
  }

  /** The kinds of test nodes in a gate. */
  public enum Kind { HEALTH, SEGMENT, OVERALL, COMPARISON, DECISION }

  /** How the test ends. */
  public enum TestOutcome { PASSED, FAILED, ABORTED }
}
