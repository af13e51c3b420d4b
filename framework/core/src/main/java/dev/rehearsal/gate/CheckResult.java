package dev.rehearsal.gate;

import dev.rehearsal.spec.InconclusivePolicy;
import dev.rehearsal.spec.ThresholdSpec;
import org.apiguardian.api.API;

/**
 * One threshold checked on one category and segment.
 *
 * @param threshold the threshold
 * @param category the category id
 * @param segment the segment id, or {@code overall}
 * @param outcome pass, breach or inconclusive
 * @param value the number compared with the limit (bound, ratio, difference or p-value); NaN when inconclusive
 * @param method how {@code value} was computed ({@code Clopper-Pearson upper bound, one-sided, 0.95})
 * @param observed what was measured, with every number needed to re-check it
 * @param expected the threshold and the decision rule
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckResult(
    ThresholdSpec threshold,
    String category,
    String segment,
    Outcome outcome,
    double value,
    String method,
    String observed,
    String expected) {

  /** Whether the threshold is breached. */
  public boolean breached() {
    return outcome == Outcome.BREACH;
  }

  /** Whether there was too little evidence to decide. */
  public boolean inconclusive() {
    return outcome == Outcome.INCONCLUSIVE;
  }

  /** Whether the release must take the threshold's action: a breach, or inconclusive with policy {@code fail}. */
  public boolean blocks() {
    return breached() || inconclusive() && threshold.evidence().onInconclusive() == InconclusivePolicy.FAIL;
  }

  /** Whether the check's test is aborted: inconclusive with policy {@code abort}. */
  public boolean aborts() {
    return inconclusive() && threshold.evidence().onInconclusive() == InconclusivePolicy.ABORT;
  }

  /** The verdict as shown in tables: {@code pass}, {@code BREACH}, {@code inconclusive→abort}. */
  public String verdict() {
    return switch (outcome) {
      case PASS -> "pass";
      case BREACH -> "BREACH";
      case INCONCLUSIVE -> "inconclusive→" + threshold.evidence().onInconclusive().wireName();
    };
  }
}
