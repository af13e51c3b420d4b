package dev.rehearsal.run;

import dev.rehearsal.stats.CorrectedEstimate;
import java.util.Optional;

/**
 * A category's corrected per-arm rates within one segment, and how many current human labels of
 * the segment's items were behind them.
 *
 * @param segment the segment id
 * @param candidate the candidate's corrected rate, if the segment had enough labels (or a calibration)
 * @param production production's corrected rate, likewise
 * @param candidateLabels current labels of the segment's candidate items
 * @param productionLabels current labels of the segment's production items
 * @param minLabels the category's min-labels per arm
 * @param source {@code human labels} or {@code calibration}
 */
record ScopeCorrection(String segment, Optional<CorrectedEstimate> candidate, Optional<CorrectedEstimate> production,
    int candidateLabels, int productionLabels, int minLabels, String source) {

  /** Whether the arms a check needs are corrected. */
  boolean ready(boolean comparative) {
    return candidate.isPresent() && (!comparative || production.isPresent());
  }

  /** Why this segment's check is not corrected, in words. */
  String shortfall() {
    return "too few current human labels " + (segment.equals(GateRun.OVERALL) ? "overall" : "in segment '" + segment + "'")
        + " to correct for grader error: candidate "
        + candidateLabels + ", production " + productionLabels + " of min-labels " + minLabels + " per arm";
  }
}
