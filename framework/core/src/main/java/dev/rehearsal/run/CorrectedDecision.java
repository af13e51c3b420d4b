package dev.rehearsal.run;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.CorrectedChecks;
import dev.rehearsal.gate.Outcome;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.ThresholdSpec;

/**
 * Decides one check (overall or in one segment) on corrected rates when the category's grading
 * asks for them and the arms the check needs are corrected. When they are not (too few labels in
 * the segment), the check says so in its text and decides on raw rates, or, with
 * {@code grading.require-calibration: true}, fails closed.
 */
final class CorrectedDecision {

  static final String REQUIRED = "grader-error correction required (grading.require-calibration)";

  private CorrectedDecision() {}

  static CheckResult of(ThresholdSpec t, CheckResult raw, CategorySpec c, CategoryGrading grading,
      ScopeCorrection scope, RateEstimate cand, RateEstimate prod) {
    // No correction at all is the category's warning (and, when required, its health problem);
    // an inconclusive raw check (too few samples) stays inconclusive.
    if (!c.grading().correctsWhenPossible() || raw.inconclusive() || grading.source().equals("none")) {
      return raw;
    }
    boolean comparative = t.kind().comparative();
    if (scope.ready(comparative)) {
      return comparative
          ? CorrectedChecks.comparative(t, raw.category(), raw.segment(), scope.candidate().get(),
              scope.production().get(), cand, prod)
          : CorrectedChecks.absolute(t, raw.category(), raw.segment(), scope.candidate().get(), cand);
    }
    if (c.grading().requireCalibration()) {
      return new CheckResult(t, raw.category(), raw.segment(), Outcome.BREACH, Double.NaN, REQUIRED,
          "not corrected: " + scope.shortfall() + "; grading.require-calibration is true, so the check fails closed"
              + " instead of deciding on raw rates (raw: " + raw.observed() + ")",
          raw.expected() + "; decided on rates corrected for grader error (grading.require-calibration: true)");
    }
    return new CheckResult(t, raw.category(), raw.segment(), raw.outcome(), raw.value(), raw.method(),
        "not corrected: " + scope.shortfall() + "; raw rates decide: " + raw.observed(), raw.expected());
  }

  /** The overall scope of a category: its overall corrected rates. */
  static ScopeCorrection overall(CategorySpec c, CategoryGrading g) {
    return new ScopeCorrection(GateRun.OVERALL, g.candidate(), g.production(), g.candidateLabels(),
        g.productionLabels(), c.grading().minLabels(), g.source());
  }
}
