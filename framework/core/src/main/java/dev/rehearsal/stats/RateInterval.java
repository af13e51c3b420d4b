package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A confidence interval for a rate, with the method and confidence that produced it.
 *
 * <p>One-sided bounds are represented with the open side at 0 (upper bound) or 1 (lower bound).
 *
 * @param lower lower limit in [0, 1]
 * @param upper upper limit in [lower, 1]
 * @param method how the limits were computed
 * @param confidence coverage the limits aim for, in (0, 1)
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record RateInterval(double lower, double upper, IntervalMethod method, double confidence) {

  /** Validates that the limits are ordered probabilities. */
  public RateInterval {
    if (!(lower >= 0 && lower <= upper && upper <= 1)) {
      throw new IllegalArgumentException(
          "Interval limits are not ordered inside [0, 1]: [" + lower + ", " + upper + "]");
    }
  }

  /** Whether {@code rate} lies within the closed interval. */
  public boolean contains(double rate) {
    return lower <= rate && rate <= upper;
  }

  /** The interval's width, upper minus lower. */
  public double width() {
    return upper - lower;
  }
}
