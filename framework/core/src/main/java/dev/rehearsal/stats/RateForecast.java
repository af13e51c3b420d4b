package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Forecast distribution of a category's deployment rate, a Beta(alpha, beta) distribution.
 *
 * <p>The default {@link #jeffreys(int, int)} is Beta(k+½, n−k+½): the Jeffreys posterior for k
 * events in n simulated turns, which is also the smoothing the deployment-simulation paper uses
 * when it scores forecasts.
 *
 * @param alpha first shape parameter, strictly positive
 * @param beta second shape parameter, strictly positive
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record RateForecast(double alpha, double beta) {

  /** Validates the shapes. */
  public RateForecast {
    Checks.positive("Beta shape alpha", alpha);
    Checks.positive("Beta shape beta", beta);
  }

  /** The Jeffreys forecast Beta(k+½, n−k+½) for k events in n trials. */
  public static RateForecast jeffreys(int k, int n) {
    Checks.counts(k, n);
    return new RateForecast(k + 0.5, n - k + 0.5);
  }

  /** Forecast mean, (k+½)/(n+1) for the Jeffreys forecast. */
  public double mean() {
    return alpha / (alpha + beta);
  }

  /** Forecast variance. */
  public double variance() {
    double s = alpha + beta;
    return alpha * beta / (s * s * (s + 1));
  }

  /** The forecast's {@code probability}-quantile, e.g. 0.975 for the upper end of a 95% band. */
  public double quantile(double probability) {
    Checks.probability("Quantile probability", probability);
    return BetaQuantile.inverseCumulativeProbability(alpha, beta, probability);
  }

  /** Probability that the deployment rate exceeds {@code rate}, e.g. a gate's maximum. */
  public double probabilityAbove(double rate) {
    Checks.probability("Rate", rate);
    return distribution().survivalProbability(rate);
  }

  /** Central credible interval at {@code confidence}, reported as a Jeffreys interval. */
  public RateInterval interval(double confidence) {
    Checks.confidence(confidence);
    double tail = (1 - confidence) / 2;
    return new RateInterval(quantile(tail), quantile(1 - tail), IntervalMethod.JEFFREYS, confidence);
  }

  BetaDistribution distribution() {
    return BetaDistribution.of(alpha, beta);
  }
}
