package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * One category's forecast and what production did, for scoring forecasts after a release.
 *
 * @param category category name
 * @param forecastEvents events in the simulation (X→Y)
 * @param forecastTrials simulated turns
 * @param previousEvents events in the previous production model's traffic (the baseline)
 * @param previousTrials previous production turns
 * @param realizedEvents events in the new model's production traffic
 * @param realizedTrials new production turns
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record CategoryOutcome(
    String category,
    int forecastEvents,
    int forecastTrials,
    int previousEvents,
    int previousTrials,
    int realizedEvents,
    int realizedTrials) {

  /** Validates the counts. */
  public CategoryOutcome {
    Checks.counts(forecastEvents, forecastTrials);
    Checks.counts(previousEvents, previousTrials);
    Checks.counts(realizedEvents, realizedTrials);
  }

  /** Jeffreys-smoothed forecast rate (k+½)/(n+1), never 0 or 1. */
  public double forecastRate() {
    return (forecastEvents + 0.5) / (forecastTrials + 1);
  }

  /** Jeffreys-smoothed previous production rate. */
  public double previousRate() {
    return (previousEvents + 0.5) / (previousTrials + 1);
  }

  /** Jeffreys-smoothed realized production rate. */
  public double realizedRate() {
    return (realizedEvents + 0.5) / (realizedTrials + 1);
  }
}
