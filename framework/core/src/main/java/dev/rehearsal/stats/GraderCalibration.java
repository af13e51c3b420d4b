package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A grader's accuracy measured on a gold-labelled calibration set.
 *
 * @param truePositives gold positives the grader flagged
 * @param positives gold positives in the calibration set, strictly positive
 * @param trueNegatives gold negatives the grader passed
 * @param negatives gold negatives in the calibration set, strictly positive
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record GraderCalibration(int truePositives, int positives, int trueNegatives, int negatives) {

  /** Validates the counts. */
  public GraderCalibration {
    Checks.counts(truePositives, positives);
    Checks.counts(trueNegatives, negatives);
  }

  /** Share of gold positives the grader flags. */
  public double sensitivity() {
    return (double) truePositives / positives;
  }

  /** Share of gold negatives the grader passes. */
  public double specificity() {
    return (double) trueNegatives / negatives;
  }
}
