package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * One production segment in a post-stratified estimate: its share of production traffic (as
 * recorded by the sampler) and the events observed among its sampled turns.
 *
 * @param segment segment name, for reports
 * @param weight the segment's share of production traffic, strictly positive (weights are
 *     normalised to sum to one)
 * @param events events observed in the segment's sample
 * @param trials sampled turns in the segment, strictly positive
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record Stratum(String segment, double weight, int events, int trials) {

  /** Validates weight and counts. */
  public Stratum {
    Checks.positive("Weight of segment '" + segment + "'", weight);
    Checks.counts(events, trials);
  }

  double rate() {
    return (double) events / trials;
  }
}
