package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Sample-size planning, so the runner can warn before spending: how many prefixes are needed to
 * show a rate below a maximum, or a ratio below a margin, with a given power.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class SamplePlanner {

  /** Plans beyond this size are reported as not feasible rather than searched. */
  static final int MAX_SAMPLES = 100_000_000;

  private SamplePlanner() {}

  /**
   * Smallest n at which the default gate (one-sided Clopper–Pearson upper bound at {@code
   * confidence} below {@code maximumRate}) passes with probability at least {@code power} when the
   * true rate is {@code trueRate}. Exact: the gate passes iff k ≤ c(n), the largest k with
   * P(X ≤ k | n, maximumRate) &lt; 1 − confidence, and power is P(X ≤ c(n) | n, trueRate). Power is
   * saw-toothed in n; this is the first n reaching the target.
   */
  public static SamplePlan forMaximumRate(double maximumRate, double trueRate, double confidence, double power) {
    Checks.openProbability("Maximum rate", maximumRate);
    Checks.openProbability("True rate", trueRate);
    Checks.confidence(confidence);
    Checks.openProbability("Power", power);
    if (trueRate >= maximumRate) {
      throw new IllegalArgumentException(
          "True rate is not below the maximum rate " + maximumRate + ", no sample size can show it: " + trueRate);
    }
    double alpha = 1 - confidence;
    double approximate = normalApproximation(maximumRate, trueRate, alpha, power);
    // Step so that very large plans stay cheap; exact (step 1) for plans up to 200k samples.
    int step = (int) Math.max(1, approximate / 200_000);
    for (long n = Math.max(1, (long) (0.5 * approximate)); n <= MAX_SAMPLES; n += step) {
      int c = passingEvents((int) n, maximumRate, alpha);
      double achieved = c < 0 ? 0 : BinomialDistribution.of((int) n, trueRate).cumulativeProbability(c);
      if (achieved >= power) {
        return new SamplePlan((int) n, achieved, c, "exact binomial, one-sided Clopper-Pearson");
      }
    }
    throw new IllegalArgumentException("Needs more than " + MAX_SAMPLES + " samples: maximum rate " + maximumRate
        + ", true rate " + trueRate);
  }

  /** Largest k whose one-sided Clopper–Pearson upper bound is below the maximum, −1 if none. */
  static int passingEvents(int n, double maximumRate, double alpha) {
    // inverseCumulativeProbability gives the smallest k with P(X ≤ k) ≥ alpha; one below passes.
    return BinomialDistribution.of(n, maximumRate).inverseCumulativeProbability(alpha) - 1;
  }

  /**
   * Samples per arm to show p1/p2 below {@code margin} when the true ratio is trueCandidate /
   * production, with equal arms. Normal approximation on the log scale with the Katz variance
   * ((1 − p1)/p1 + (1 − p2)/p2)/n (Katz et al. 1978); a planning figure, not an exact one. At rates
   * near 0.2% this is hundreds of thousands per arm.
   */
  public static SamplePlan forRatio(
      double candidateRate, double productionRate, double margin, double confidence, double power) {
    Checks.openProbability("Candidate rate", candidateRate);
    Checks.openProbability("Production rate", productionRate);
    Checks.positive("Ratio margin", margin);
    Checks.confidence(confidence);
    Checks.openProbability("Power", power);
    double effect = Math.log(margin) - Math.log(candidateRate / productionRate);
    if (!(effect > 0)) {
      throw new IllegalArgumentException("True ratio is not below the margin " + margin + ": "
          + candidateRate / productionRate);
    }
    double z = IntervalMethod.z(1 - confidence) + IntervalMethod.z(1 - power);
    double variance = (1 - candidateRate) / candidateRate + (1 - productionRate) / productionRate;
    int n = (int) Math.ceil(z * z * variance / (effect * effect));
    return new SamplePlan(n, power, -1, "normal approximation, log ratio (Katz variance)");
  }

  static double normalApproximation(double maximumRate, double trueRate, double alpha, double power) {
    double za = IntervalMethod.z(alpha);
    double zb = IntervalMethod.z(1 - power);
    double root = za * Math.sqrt(maximumRate * (1 - maximumRate)) + zb * Math.sqrt(trueRate * (1 - trueRate));
    return root * root / ((maximumRate - trueRate) * (maximumRate - trueRate));
  }
}
