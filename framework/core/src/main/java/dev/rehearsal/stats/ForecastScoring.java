package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import java.util.List;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Scores forecasts against what production did after the release, as the deployment-simulation
 * paper does: binomial NLL and its regret, multiplicative error and directional accuracy, plus
 * beta-binomial predictive NLL and interval coverage. Rates are Jeffreys-smoothed, (k+½)/(n+1).
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class ForecastScoring {

  /** A production rate "moved" when it changed by at least this factor (the paper's filter). */
  public static final double DEFAULT_MOVE_FACTOR = 1.5;

  private ForecastScoring() {}

  /**
   * Aggregate scores over categories.
   *
   * @param meanNll mean plug-in binomial NLL of realized counts
   * @param meanNllRegret mean NLL minus the NLL at the realized (oracle) rate
   * @param meanPredictiveNll mean beta-binomial predictive NLL
   * @param geometricMeanMultiplicativeError geometric mean of max(p̂/p, p/p̂)
   * @param directionalAccuracy share of moved categories whose direction was forecast right (NaN if none moved)
   * @param movedCategories number of categories that moved by at least the factor
   * @param coverage share of realized rates inside the forecast interval
   */
  @API(status = Status.EXPERIMENTAL, since = "0.1")
  public record Scorecard(double meanNll, double meanNllRegret, double meanPredictiveNll,
      double geometricMeanMultiplicativeError, double directionalAccuracy, int movedCategories, double coverage) {}

  /** Binomial NLL of k of n under rate p: −log C(n,k) p^k (1−p)^(n−k). */
  public static double binomialNll(int k, int n, double rate) {
    Checks.counts(k, n);
    Checks.probability("Rate", rate);
    return -BinomialDistribution.of(n, rate).logProbability(k);
  }

  /** NLL of k of n under {@code rate} minus its minimum, the NLL under the realized rate k/n. */
  public static double nllRegret(int k, int n, double rate) {
    return binomialNll(k, n, rate) - binomialNll(k, n, (double) k / n);
  }

  /**
   * Beta-binomial predictive NLL of k of n under the forecast Beta(a, b):
   * −log [C(n,k) B(k+a, n−k+b) / B(a, b)]. Unlike the plug-in NLL it charges for forecast uncertainty.
   */
  public static double predictiveNll(int k, int n, RateForecast forecast) {
    Checks.counts(k, n);
    double logChoose = -Math.log(n + 1.0) - LogBeta.value(k + 1.0, n - k + 1.0);
    return -(logChoose + LogBeta.value(k + forecast.alpha(), n - k + forecast.beta())
        - LogBeta.value(forecast.alpha(), forecast.beta()));
  }

  /** Symmetric multiplicative error max(p̂/p, p/p̂), 1 for a perfect forecast. */
  public static double multiplicativeError(double forecast, double realized) {
    Checks.positive("Forecast rate", forecast);
    Checks.positive("Realized rate", realized);
    return Math.max(forecast / realized, realized / forecast);
  }

  /** Scores all categories with the default move factor 1.5 and 95% Jeffreys intervals. */
  public static Scorecard score(List<CategoryOutcome> outcomes) {
    return score(outcomes, DEFAULT_MOVE_FACTOR, 0.95);
  }

  /** Scores all categories; {@code moveFactor} filters directional accuracy, {@code confidence} sets coverage. */
  public static Scorecard score(List<CategoryOutcome> outcomes, double moveFactor, double confidence) {
    if (outcomes.isEmpty()) {
      throw new IllegalArgumentException("Number of categories is not strictly positive: 0");
    }
    Checks.positive("Move factor minus one", moveFactor - 1);
    double nll = 0, regret = 0, predictive = 0, logError = 0;
    int moved = 0, rightDirection = 0, covered = 0;
    for (CategoryOutcome o : outcomes) {
      double p = o.forecastRate();
      nll += binomialNll(o.realizedEvents(), o.realizedTrials(), p);
      regret += nllRegret(o.realizedEvents(), o.realizedTrials(), p);
      RateForecast forecast = RateForecast.jeffreys(o.forecastEvents(), o.forecastTrials());
      predictive += predictiveNll(o.realizedEvents(), o.realizedTrials(), forecast);
      logError += Math.log(multiplicativeError(p, o.realizedRate()));
      covered += forecast.interval(confidence).contains((double) o.realizedEvents() / o.realizedTrials()) ? 1 : 0;
      if (multiplicativeError(o.previousRate(), o.realizedRate()) >= moveFactor) {
        moved++;
        rightDirection += Math.signum(p - o.previousRate()) == Math.signum(o.realizedRate() - o.previousRate()) ? 1 : 0;
      }
    }
    int m = outcomes.size();
    return new Scorecard(nll / m, regret / m, predictive / m, Math.exp(logError / m),
        moved == 0 ? Double.NaN : (double) rightDirection / moved, moved, (double) covered / m);
  }
}
