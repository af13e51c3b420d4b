package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A point estimate and confidence interval for an effect comparing two rates (a difference or a
 * ratio), with the name of the method that produced it.
 *
 * <p>A ratio's upper limit is {@link Double#POSITIVE_INFINITY} when the reference arm has no
 * events.
 *
 * @param estimate point estimate (p̂1 − p̂2 or p̂1 / p̂2; NaN for the ratio 0/0)
 * @param lower lower limit
 * @param upper upper limit, at least {@code lower}
 * @param method name of the method, e.g. "Newcombe hybrid score"
 * @param confidence coverage the limits aim for, in (0, 1)
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record EffectInterval(
    double estimate, double lower, double upper, String method, double confidence) {

  /** Validates the limits' order. */
  public EffectInterval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("Interval limits are not ordered: [" + lower + ", " + upper + "]");
    }
  }

  /** Whether {@code value} lies within the closed interval. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /** Whether the interval excludes {@code value}, i.e. the effect differs from it at this confidence. */
  public boolean excludes(double value) {
    return !contains(value);
  }
}
