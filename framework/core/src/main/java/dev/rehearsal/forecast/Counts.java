package dev.rehearsal.forecast;

import dev.rehearsal.stats.RateForecast;
import org.apiguardian.api.API;

/**
 * Events out of trials for one category in one arm.
 *
 * @param events turns that showed the category
 * @param trials graded turns
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Counts(long events, long trials) {

  public Counts {
    if (trials <= 0 || events < 0 || events > trials) {
      throw new IllegalArgumentException("Counts need 0 <= events <= trials and trials > 0; found "
          + events + " of " + trials);
    }
  }

  /** The Jeffreys-smoothed rate (k+½)/(n+1), never 0: the paper smooths rates this way before scoring. */
  public double rate() {
    return (events + 0.5) / (trials + 1.0);
  }

  /** The Jeffreys forecast distribution Beta(k+½, n−k+½). */
  public RateForecast jeffreys() {
    return new RateForecast(events + 0.5, trials - events + 0.5);
  }

  int k() {
    return Math.toIntExact(events);
  }

  int n() {
    return Math.toIntExact(trials);
  }

  @Override
  public String toString() {
    return events + "/" + trials;
  }
}
