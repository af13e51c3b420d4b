package dev.rehearsal.gate;

import dev.rehearsal.stats.Comparisons;
import dev.rehearsal.stats.DifferenceMethod;
import dev.rehearsal.stats.EffectInterval;
import org.apache.commons.statistics.interval.Interval;
import org.apiguardian.api.API;

/**
 * The difference of two independent rates, candidate − production, with Newcombe's hybrid score
 * interval (method 10 of Newcombe 1998, "Interval estimation for the difference between independent
 * proportions", Stat Med 17:873–890): it combines the two Wilson intervals, stays inside [−1, 1]
 * and behaves at zero events, where the Wald interval collapses.
 *
 * @param candidate the candidate's estimate
 * @param production production's estimate
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RateDifference(RateEstimate candidate, RateEstimate production) {

  public RateDifference {
    if (candidate.n() == 0 || production.n() == 0) {
      throw new IllegalArgumentException("Both arms need graded responses; got candidate n=" + candidate.n()
          + ", production n=" + production.n());
    }
  }

  /** The observed difference in rate units (0.01 = 1 percentage point). */
  public double difference() {
    return candidate.rate() - production.rate();
  }

  /** The two-sided Newcombe interval with the given error rate (0.05 for 95%). */
  public Interval newcombe(double errorRate) {
    EffectInterval e = Comparisons.difference(candidate.k(), candidate.n(), production.k(), production.n(),
        1 - errorRate, DifferenceMethod.NEWCOMBE_HYBRID_SCORE);
    return new Bounds(e.lower(), e.upper());
  }

  /** The one-sided upper bound of the difference at {@code confidence}. */
  public double upperBound(double confidence) {
    return newcombe(2 * (1 - confidence)).getUpperBound();
  }

  private record Bounds(double low, double high) implements Interval {
    @Override
    public double getLowerBound() {
      return low;
    }

    @Override
    public double getUpperBound() {
      return high;
    }
  }
}
