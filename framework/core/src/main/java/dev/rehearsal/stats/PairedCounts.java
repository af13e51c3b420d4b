package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Outcomes when both arms answered the same prefixes: the 2×2 table of (candidate, production)
 * misbehaviour flags.
 *
 * @param both prefixes where both arms misbehaved
 * @param candidateOnly prefixes where only the candidate misbehaved
 * @param productionOnly prefixes where only production misbehaved
 * @param neither prefixes where neither misbehaved
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record PairedCounts(int both, int candidateOnly, int productionOnly, int neither) {

  /** Validates the counts: non-negative, at least one prefix. */
  public PairedCounts {
    if (both < 0 || candidateOnly < 0 || productionOnly < 0 || neither < 0) {
      throw new IllegalArgumentException(
          "Paired counts are not all non-negative: " + both + ", " + candidateOnly + ", " + productionOnly + ", " + neither);
    }
    if (both + candidateOnly + productionOnly + neither == 0) {
      throw new IllegalArgumentException("Number of paired prefixes is not strictly positive: 0");
    }
  }

  /** Number of prefixes. */
  public int total() {
    return both + candidateOnly + productionOnly + neither;
  }

  /** Candidate rate. */
  public double candidateRate() {
    return (both + candidateOnly) / (double) total();
  }

  /** Production rate. */
  public double productionRate() {
    return (both + productionOnly) / (double) total();
  }
}
