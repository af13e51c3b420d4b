package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Entry point for intervals and bounds on one rate, k events in n trials.
 *
 * <p>Gate rules ask {@link #upperBound} whether a rate is shown below a maximum; reports ask
 * {@link #interval} for display and {@link #forecast} for the deployment-rate forecast.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class Proportions {

  /** Method for pass/block against a maximum rate: one-sided Clopper–Pearson (never under-covers). */
  public static final IntervalMethod DEFAULT_GATE_METHOD = IntervalMethod.CLOPPER_PEARSON;

  /** Method for display: Jeffreys (good average coverage, matches the forecast distribution). */
  public static final IntervalMethod DEFAULT_DISPLAY_METHOD = IntervalMethod.JEFFREYS;

  private Proportions() {}

  /** Two-sided equal-tailed interval at {@code confidence}, e.g. 0.95. */
  public static RateInterval interval(int k, int n, double confidence, IntervalMethod method) {
    Checks.counts(k, n);
    Checks.confidence(confidence);
    double tail = (1 - confidence) / 2;
    return method.interval(k, n, tail, confidence);
  }

  /** Two-sided interval with the display default, {@link IntervalMethod#JEFFREYS}. */
  public static RateInterval interval(int k, int n, double confidence) {
    return interval(k, n, confidence, DEFAULT_DISPLAY_METHOD);
  }

  /**
   * One-sided upper confidence bound: the true rate is at most this value with probability {@code
   * confidence}. A gate passes against a maximum rate when this bound is below it.
   */
  public static double upperBound(int k, int n, double confidence, IntervalMethod method) {
    Checks.counts(k, n);
    Checks.confidence(confidence);
    return method.upper(k, n, 1 - confidence);
  }

  /** One-sided upper bound with the gate default, {@link IntervalMethod#CLOPPER_PEARSON}. */
  public static double upperBound(int k, int n, double confidence) {
    return upperBound(k, n, confidence, DEFAULT_GATE_METHOD);
  }

  /** One-sided lower confidence bound: the true rate is at least this value with {@code confidence}. */
  public static double lowerBound(int k, int n, double confidence, IntervalMethod method) {
    Checks.counts(k, n);
    Checks.confidence(confidence);
    return method.lower(k, n, 1 - confidence);
  }

  /** One-sided upper bound as an interval [0, upper], for reports that print an interval. */
  public static RateInterval upperInterval(int k, int n, double confidence, IntervalMethod method) {
    return new RateInterval(0, upperBound(k, n, confidence, method), method, confidence);
  }

  /** The Jeffreys forecast Beta(k+½, n−k+½) of the deployment rate. */
  public static RateForecast forecast(int k, int n) {
    return RateForecast.jeffreys(k, n);
  }
}
