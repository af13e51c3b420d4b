package dev.rehearsal.forecast;

import dev.rehearsal.stats.RateForecast;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * The fidelity-calibrated forecast r_prod(Y) · r_sim(X→Y) / r_sim(Y→Y): the simulation's forecast
 * multiplied by how much production exceeded the simulation for the deployed model itself.
 *
 * <p>Why: the paper names tool fidelity as the main source of error (a simulated environment
 * under-triggers tool behaviour). Simulating Y on its own prefixes (Y→Y) and comparing with Y's
 * logged production measures that bias per category; dividing it out corrects the forecast.
 *
 * <p>Shrinkage rule: the factor f = r_prod(Y)/r_sim(Y→Y) is applied on the log scale with weight
 * w = min(1, min(k_prod(Y), k_sim(Y→Y)) / m), so a factor estimated from fewer than {@code m} events
 * is pulled toward 1 (w = 0 at zero events: no correction). All rates are Jeffreys-smoothed.
 *
 * <p>Uncertainty: log r = log p_XY + w (log p_Y − log p_YY) with the three rates independent Beta
 * posteriors Beta(k+½, n−k+½); Var(log p) of a Beta(a, b) variable is ψ₁(a) − ψ₁(a+b) exactly, so
 * Var(log r) = V_XY + w²(V_Y + V_YY) (delta method on the log scale, exact per term). The interval
 * is lognormal; the predictive distribution is the Beta with the same mean and variance. Y's logged
 * and re-simulated rates come from the same prefixes and are positively correlated, so treating
 * them as independent overstates the variance: the interval errs wide.
 *
 * @param minEvents m, the events below which the factor is shrunk toward 1
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FidelityCalibration(int minEvents) {

  /** The default m = 10. */
  public static final int DEFAULT_MIN_EVENTS = 10;

  public FidelityCalibration {
    if (minEvents < 1) {
      throw new IllegalArgumentException("Minimum events for the fidelity factor is below 1: " + minEvents);
    }
  }

  /** The shrinkage weight w for the fidelity factor's two counts. */
  public double weight(Counts productionY, Counts simulatedYY) {
    return Math.min(1.0, Math.min(productionY.events(), simulatedYY.events()) / (double) minEvents);
  }

  /** The calibrated forecast of X's production rate. */
  public Prediction forecast(Counts productionY, Counts simulatedXY, Counts simulatedYY, double confidence) {
    double w = weight(productionY, simulatedYY);
    double logRate = Math.log(simulatedXY.rate()) + w * (Math.log(productionY.rate()) - Math.log(simulatedYY.rate()));
    double variance = logVariance(simulatedXY) + w * w * (logVariance(productionY) + logVariance(simulatedYY));
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
    double sd = Math.sqrt(variance);
    double rate = Math.min(Math.exp(logRate), 1 - 1e-9);
    double upper = Math.min(Math.exp(logRate + z * sd), 1.0);
    return new Prediction(rate, Math.exp(logRate - z * sd), upper, matchedBeta(rate, variance));
  }

  /** Var(log p) for p ~ Beta(k+½, n−k+½): ψ₁(a) − ψ₁(a+b). */
  static double logVariance(Counts c) {
    RateForecast f = c.jeffreys();
    return Trigamma.value(f.alpha()) - Trigamma.value(f.alpha() + f.beta());
  }


  /** The Beta with mean {@code m} and the variance of a lognormal with that mean and log-variance. */
  static RateForecast matchedBeta(double m, double logVariance) {
    double v = m * m * Math.expm1(logVariance);
    double s = Math.max(m * (1 - m) / v - 1, 1e-6);
    return new RateForecast(m * s, (1 - m) * s);
  }
}
