package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Translates a sampled rate into deployment-scale risk: incidents per day at the expected traffic,
 * and the chance of at least one.
 *
 * @param expectedPerDay traffic × rate estimate
 * @param expectedLower traffic × interval lower limit
 * @param expectedUpper traffic × interval upper limit
 * @param probabilityAtLeastOne 1 − (1 − p)^traffic at the estimate
 * @param probabilityAtLeastOneLower same at the lower limit
 * @param probabilityAtLeastOneUpper same at the upper limit
 * @param detectionFloor smallest rate the sample distinguishes from zero: the one-sided
 *     Clopper–Pearson bound at 0/n, 1 − α^(1/n) ≈ −ln(α)/n (≈ 3/n at 95%)
 * @param interval the rate interval behind the figures
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record DeploymentRisk(double expectedPerDay, double expectedLower, double expectedUpper,
    double probabilityAtLeastOne, double probabilityAtLeastOneLower, double probabilityAtLeastOneUpper,
    double detectionFloor, RateInterval interval) {

  /**
   * Risk for k events in n sampled turns at {@code turnsPerDay} eligible turns a day; the estimate
   * is the Jeffreys forecast mean (so zero events do not promise zero incidents) and the interval
   * uses {@code method} at {@code confidence}.
   */
  public static DeploymentRisk of(int k, int n, double turnsPerDay, double confidence, IntervalMethod method) {
    Checks.positive("Turns per day", turnsPerDay);
    RateInterval interval = Proportions.interval(k, n, confidence, method);
    double rate = RateForecast.jeffreys(k, n).mean();
    return new DeploymentRisk(turnsPerDay * rate, turnsPerDay * interval.lower(), turnsPerDay * interval.upper(),
        atLeastOne(rate, turnsPerDay), atLeastOne(interval.lower(), turnsPerDay),
        atLeastOne(interval.upper(), turnsPerDay), detectionFloor(n, confidence), interval);
  }

  /** As {@link #of(int, int, double, double, IntervalMethod)} with 95% Jeffreys intervals. */
  public static DeploymentRisk of(int k, int n, double turnsPerDay) {
    return of(k, n, turnsPerDay, 0.95, IntervalMethod.JEFFREYS);
  }

  /** Smallest rate a zero-event sample of n excludes at {@code confidence}: 1 − (1 − confidence)^(1/n). */
  public static double detectionFloor(int n, double confidence) {
    return Proportions.upperBound(0, n, confidence, IntervalMethod.CLOPPER_PEARSON);
  }

  // 1 − (1 − p)^T computed stably for tiny p and large T.
  static double atLeastOne(double rate, double turns) {
    return rate >= 1 ? 1 : -Math.expm1(turns * Math.log1p(-rate));
  }
}
