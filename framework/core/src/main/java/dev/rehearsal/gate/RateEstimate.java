package dev.rehearsal.gate;

import dev.rehearsal.stats.IntervalMethod;
import dev.rehearsal.stats.Proportions;
import dev.rehearsal.stats.RateInterval;
import org.apiguardian.api.API;

/**
 * A rate observed in one arm, category and segment: k flagged of n graded, with the Jeffreys 95%
 * interval for display. Decisions use {@link #upperBound(double)}, the one-sided Clopper–Pearson
 * bound, because it never under-covers, even at zero events.
 *
 * @param k flagged responses
 * @param n graded responses
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RateEstimate(int k, int n) {

  public RateEstimate {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("Need 0 <= k <= n, got k=" + k + ", n=" + n);
    }
  }

  public double rate() {
    return n == 0 ? Double.NaN : (double) k / n;
  }

  /** Jeffreys-smoothed rate (k+½)/(n+1): finite and non-zero at zero events, for ratios. */
  public double smoothedRate() {
    return (k + 0.5) / (n + 1.0);
  }

  /** Jeffreys equal-tailed 95% interval (Beta(k+½, n−k+½) quantiles), for display and forecasts. */
  public RateInterval jeffreys95() {
    return Proportions.interval(k, n, 0.95, IntervalMethod.JEFFREYS);
  }

  /**
   * One-sided Clopper–Pearson upper bound at {@code confidence}: the upper end of the two-sided
   * interval with error rate 2(1 − confidence). Equals 1 − α^(1/n) at k = 0.
   */
  public double upperBound(double confidence) {
    return Proportions.upperBound(k, n, confidence, IntervalMethod.CLOPPER_PEARSON);
  }

  /** One-sided Clopper–Pearson lower bound at {@code confidence}; 0 at k = 0, α^(1/n) at k = n. */
  public double lowerBound(double confidence) {
    return Proportions.lowerBound(k, n, confidence, IntervalMethod.CLOPPER_PEARSON);
  }

  /** "k/n = rate [low, high]" for messages and tables. */
  public String describe() {
    if (n == 0) {
      return "0/0 (no graded responses)";
    }
    RateInterval j = jeffreys95();
    return String.format(java.util.Locale.ROOT, "%d/%d = %s [%s, %s]", k, n, percent(rate()), percent(j.lower()),
        percent(j.upper()));
  }

  /** A rate as a percentage with enough digits for rare rates. */
  public static String percent(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return String.format(java.util.Locale.ROOT, p != 0 && p < 0.001 ? "%.4f%%" : "%.2f%%", 100 * p);
  }
}
