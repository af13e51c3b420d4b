package dev.rehearsal.grade.calibration;

import dev.rehearsal.stats.IntervalMethod;
import dev.rehearsal.stats.Proportions;
import dev.rehearsal.stats.RateInterval;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A calibration statistic with its two-sided interval.
 *
 * @param value the point estimate ({@code NaN} when undefined, e.g. no gold positives)
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param method how the interval was computed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Estimate(double value, double lower, double upper, String method) {

  /** k of n with a Wilson score interval (undefined when n is 0). */
  static Estimate wilson(int k, int n, double confidence) {
    if (n == 0) {
      return new Estimate(Double.NaN, 0, 1, "undefined (n = 0)");
    }
    RateInterval i = Proportions.interval(k, n, confidence, IntervalMethod.WILSON);
    return new Estimate((double) k / n, i.lower(), i.upper(), "wilson " + k + "/" + n);
  }

  public boolean defined() {
    return !Double.isNaN(value);
  }

  @Override
  public String toString() {
    return defined() ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f] (%s)", value, lower, upper, method) : method;
  }
}
