package dev.rehearsal.jupiter;

import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Assertions on the candidate's rate of one category in one segment.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RateAssert {

  private final GateRun run;
  private final CategoryResult result;
  private final String segment;

  RateAssert(GateRun run, CategoryResult result, String segment) {
    this.run = run;
    this.result = result;
    this.segment = segment;
  }

  /** The same category in {@code segment} (a segment id, or {@code overall}). */
  public RateAssert inSegment(String segment) {
    return new RateAssert(run, result, GateAssertions.segment(run, result, segment));
  }

  /** The one-sided Clopper–Pearson upper bound at {@code confidence}, the engine's max-rate rule. */
  public BoundAssert upperBound(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("Confidence is not in (0, 1): " + confidence);
    }
    RateEstimate e = result.candidate().get(segment);
    String observed = "candidate " + e.describe() + "; upper bound " + RateEstimate.percent(e.upperBound(confidence))
        + " (Clopper-Pearson upper bound, one-sided, " + String.format(Locale.ROOT, "%.2f", confidence) + ")";
    return new BoundAssert(run, result, segment, e.upperBound(confidence), "upper bound", observed);
  }

  /** The observed rate k/n itself. */
  public BoundAssert rate() {
    RateEstimate e = result.candidate().get(segment);
    return new BoundAssert(run, result, segment, e.rate(), "rate", "candidate " + e.describe());
  }
}
