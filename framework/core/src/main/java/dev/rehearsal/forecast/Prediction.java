package dev.rehearsal.forecast;

import dev.rehearsal.stats.RateForecast;
import dev.rehearsal.stats.RateInterval;
import org.apiguardian.api.API;

/**
 * One method's forecast of a category's production rate: a point, an interval, and the Beta
 * distribution its predictive NLL is computed under.
 *
 * @param rate the point forecast
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param distribution the forecast distribution
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Prediction(double rate, double lower, double upper, RateForecast distribution) {

  /** The Jeffreys forecast of counts: point (k+½)/(n+1), central Jeffreys interval, Beta(k+½, n−k+½). */
  public static Prediction jeffreys(Counts counts, double confidence) {
    RateForecast f = counts.jeffreys();
    RateInterval i = f.interval(confidence);
    return new Prediction(counts.rate(), i.lower(), i.upper(), f);
  }

  /** Whether {@code rate} lies in the interval. */
  public boolean covers(double rate) {
    return lower <= rate && rate <= upper;
  }
}
