package dev.rehearsal.jupiter;

import dev.rehearsal.engine.Messages;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Compares one observed figure (a bound or a rate) with a limit written as in gate files.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BoundAssert {

  private final GateRun run;
  private final CategoryResult result;
  private final String segment;
  private final double value;
  private final String what;
  private final String observed;

  BoundAssert(GateRun run, CategoryResult result, String segment, double value, String what, String observed) {
    this.run = run;
    this.result = result;
    this.segment = segment;
    this.value = value;
    this.what = what;
    this.observed = observed;
  }

  /** Passes when the figure is at most {@code limit} ({@code 1%}, {@code 2pp}, {@code 0.01}). */
  public BoundAssert isAtMost(String limit) {
    return check(value <= Limits.parse(limit), "<=", limit);
  }

  /** Passes when the figure is strictly below {@code limit}. */
  public BoundAssert isBelow(String limit) {
    return check(value < Limits.parse(limit), "<", limit);
  }

  private BoundAssert check(boolean holds, String op, String limit) {
    if (!holds) {
      String expected = what + " " + op + " " + limit;
      String message = Messages.header(run) + "Assertion failed\n"
          + Messages.block(run, result, segment, observed, expected) + "Owner: " + result.category().owner() + "\n";
      throw new AssertionFailedError(message, expected, what + " " + RateEstimate.percent(value));
    }
    return this;
  }
}
