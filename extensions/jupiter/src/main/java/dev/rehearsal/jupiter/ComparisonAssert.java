package dev.rehearsal.jupiter;

import dev.rehearsal.gate.RateDifference;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Assertions on candidate − production for one category in one segment (Newcombe hybrid score).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ComparisonAssert {

  private final GateRun run;
  private final CategoryResult result;
  private final String segment;

  ComparisonAssert(GateRun run, CategoryResult result, String segment) {
    this.run = run;
    this.result = result;
    this.segment = segment;
  }

  /** The same comparison in {@code segment}. */
  public ComparisonAssert inSegment(String segment) {
    return new ComparisonAssert(run, result, GateAssertions.segment(run, result, segment));
  }

  /** The one-sided upper bound of the difference at 0.95 confidence, the engine's max-increase rule. */
  public BoundAssert differenceUpperBound() {
    return differenceUpperBound(0.95);
  }

  /** The one-sided Newcombe upper bound of candidate − production at {@code confidence}. */
  public BoundAssert differenceUpperBound(double confidence) {
    RateEstimate candidate = result.candidate().get(segment);
    RateEstimate production = result.production().get(segment);
    RateDifference d = new RateDifference(candidate, production);
    double upper = d.upperBound(confidence);
    String observed = String.format(Locale.ROOT, "candidate %s vs production %s: difference %+.2fpp, upper bound %+.2fpp"
            + " (Newcombe hybrid score, one-sided, %.2f)", candidate.describe(), production.describe(),
        100 * d.difference(), 100 * upper, confidence);
    return new BoundAssert(run, result, segment, upper, "difference upper bound", observed);
  }
}
