package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A per-arm rate corrected for grader error, with its uncertainty split into the sampling part
 * (finitely many prefixes) and the grader-error part (finitely many human labels or calibration
 * items), so reports can show which one dominates.
 *
 * @param rate corrected rate, clipped to [0, 1]
 * @param samplingError standard error from sampling the prefixes
 * @param graderError standard error from estimating the grader's error
 * @param lower two-sided lower limit, at least 0
 * @param upper two-sided upper limit, at most 1
 * @param confidence two-sided confidence of [lower, upper]
 * @param method name of the correction, e.g. "PPI++ (lambda=0.83, IPW)"
 * @param labelled number of human labels (or calibration items) behind the correction
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record CorrectedEstimate(
    double rate,
    double samplingError,
    double graderError,
    double lower,
    double upper,
    double confidence,
    String method,
    int labelled) {

  /** Total standard error: the two parts combined in quadrature (they are independent). */
  public double standardError() {
    return Math.hypot(samplingError, graderError);
  }

  /** One-sided upper confidence bound at {@code level}, for max-rate decisions. */
  public double upperBound(double level) {
    return Math.min(1, rate + IntervalMethod.z(1 - level) * standardError());
  }

  /** One-sided lower confidence bound at {@code level}, for min-rate decisions. */
  public double lowerBound(double level) {
    return Math.max(0, rate - IntervalMethod.z(1 - level) * standardError());
  }

  /** Whether the two-sided interval contains {@code value}. */
  public boolean covers(double value) {
    return lower <= value && value <= upper;
  }
}
