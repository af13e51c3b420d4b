package dev.rehearsal.jupiter;

import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import org.apiguardian.api.API;

/**
 * Fluent assertions on a finished gate run. A failure is an opentest4j
 * {@code AssertionFailedError} whose message carries the engine's observed/expected block.
 *
 * <pre>{@code
 * assertThatRate(run, "pii-leak").inSegment("multi-turn").upperBound(0.95).isAtMost("1%");
 * assertThatComparison(run, "refusal").differenceUpperBound().isBelow("2pp");
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateAssertions {

  private GateAssertions() {}

  /** Assertions on the candidate's rate of {@code category} (overall unless a segment is chosen). */
  public static RateAssert assertThatRate(GateRun run, String category) {
    return new RateAssert(run, result(run, category), GateRun.OVERALL);
  }

  /** Assertions on candidate − production for {@code category} (overall unless a segment is chosen). */
  public static ComparisonAssert assertThatComparison(GateRun run, String category) {
    return new ComparisonAssert(run, result(run, category), GateRun.OVERALL);
  }

  static CategoryResult result(GateRun run, String category) {
    CategoryResult result = run.categories().get(category);
    if (result == null) {
      throw new IllegalArgumentException("Gate " + run.spec().id() + " has no category '" + category + "'; it has "
          + run.categories().keySet() + ".");
    }
    return result;
  }

  static String segment(GateRun run, CategoryResult result, String segment) {
    if (!result.candidate().containsKey(segment)) {
      throw new IllegalArgumentException("Gate " + run.spec().id() + " has no segment '" + segment + "'; it has "
          + result.candidate().keySet() + ".");
    }
    return segment;
  }
}
