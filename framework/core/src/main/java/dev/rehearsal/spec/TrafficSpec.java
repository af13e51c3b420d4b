package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * Production traffic, to turn sampled rates into deployment-scale risk (incidents per day).
 *
 * @param conversationsPerDay conversations a day the candidate would serve
 * @param mark where {@code traffic:} is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrafficSpec(long conversationsPerDay, Mark mark) {

  public TrafficSpec {
    if (conversationsPerDay < 1) {
      throw new IllegalArgumentException("conversations-per-day is not positive: " + conversationsPerDay);
    }
  }
}
