package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.RootSupport;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Strategy for a confidence interval on one binomial rate, k events in n trials.
 *
 * <p>Each method gives a lower and an upper limit for a tail probability; a two-sided interval at
 * confidence c uses tail (1 − c)/2 on each side, a one-sided bound uses tail 1 − c. Method numbers
 * refer to Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison
 * of seven methods", Stat Med 17:857-872.
 *
 * <p>Beta quantiles (Clopper–Pearson, Jeffreys) come from {@link BetaQuantile}, a safeguarded
 * inverse of the regularized incomplete beta function with a fifth-order step (about one
 * incomplete-beta evaluation per limit, instead of a Brent solve; the two limits of an interval
 * share one log B),
 * checked against Commons Statistics' {@code BetaDistribution} inverse to 1e-9 relative.
 *
 * <p>Defaults in Rehearsal: {@link #CLOPPER_PEARSON} one-sided upper bound for pass/block (it never
 * under-covers), {@link #JEFFREYS} for display and forecasts.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public enum IntervalMethod {

  /**
   * Equal-tailed Beta(k+½, n−k+½) quantiles, with the lower limit 0 at k = 0 and the upper limit 1
   * at k = n (Brown, Cai and DasGupta 2001, Stat Sci 16:101-133, section 4.1.2). Good average
   * coverage; the default for display.
   */
  JEFFREYS {
    @Override
    double lower(int k, int n, double tail) {
      return k == 0 ? 0 : BetaQuantile.inverseCumulativeProbability(k + 0.5, n - k + 0.5, tail);
    }

    @Override
    double upper(int k, int n, double tail) {
      return k == n ? 1 : BetaQuantile.inverseSurvivalProbability(k + 0.5, n - k + 0.5, tail);
    }

    @Override
    RateInterval interval(int k, int n, double tail, double confidence) {
      if (k == 0 || k == n) {
        return super.interval(k, n, tail, confidence);
      }
      // Both limits are quantiles of Beta(k+½, n−k+½): one log B for the two densities.
      double a = k + 0.5;
      double b = n - k + 0.5;
      double logBeta = LogBeta.value(a, b);
      return new RateInterval(
          BetaQuantile.inverseCumulativeProbability(a, b, tail, logBeta),
          BetaQuantile.inverseSurvivalProbability(a, b, tail, logBeta),
          this,
          confidence);
    }
  },

  /** Wilson score interval (Wilson 1927; Newcombe method 3). */
  WILSON {
    @Override
    double lower(int k, int n, double tail) {
      return WilsonSupport.lower(k, n, z(tail));
    }

    @Override
    double upper(int k, int n, double tail) {
      return WilsonSupport.upper(k, n, z(tail));
    }
  },

  /** Wilson score interval with continuity correction (Newcombe method 4, formula in section 2). */
  WILSON_CONTINUITY_CORRECTED {
    @Override
    double lower(int k, int n, double tail) {
      return WilsonSupport.lowerCorrected(k, n, z(tail));
    }

    @Override
    double upper(int k, int n, double tail) {
      return WilsonSupport.upperCorrected(k, n, z(tail));
    }
  },

  /**
   * Clopper–Pearson "exact" interval from Beta quantiles (Newcombe method 5). Never under-covers;
   * at k = 0 the one-sided upper bound is 1 − α^(1/n), about 3/n at 95%. The default for gates.
   */
  CLOPPER_PEARSON {
    @Override
    double lower(int k, int n, double tail) {
      return k == 0 ? 0 : BetaQuantile.inverseCumulativeProbability(k, n - k + 1.0, tail);
    }

    @Override
    double upper(int k, int n, double tail) {
      return k == n ? 1 : BetaQuantile.inverseSurvivalProbability(k + 1.0, n - k, tail);
    }

    @Override
    RateInterval interval(int k, int n, double tail, double confidence) {
      if (k < 2 || k > n - 2) {
        // At least one limit is 0, 1 or a closed form, which needs no log B.
        return super.interval(k, n, tail, confidence);
      }
      // One log B for both densities: B(k+1, n−k) = B(k, n−k+1)·k/(n−k).
      double logBetaLower = LogBeta.value(k, n - k + 1.0);
      double logBetaUpper = logBetaLower + Math.log((double) k / (n - k));
      return new RateInterval(
          BetaQuantile.inverseCumulativeProbability(k, n - k + 1.0, tail, logBetaLower),
          BetaQuantile.inverseSurvivalProbability(k + 1.0, n - k, tail, logBetaUpper),
          this,
          confidence);
    }
  },

  /**
   * Mid-p interval: the exact tail with half the probability of the observed count (Newcombe
   * method 6), solved numerically. Less conservative than Clopper–Pearson.
   */
  MID_P {
    @Override
    double lower(int k, int n, double tail) {
      if (k == 0) {
        return 0;
      }
      // P(X > k) + P(X = k)/2 rises with p; solve it equal to the tail.
      return RootSupport.bisect(
          p -> {
            BinomialDistribution b = BinomialDistribution.of(n, p);
            return b.survivalProbability(k) + 0.5 * b.probability(k) - tail;
          },
          0,
          1);
    }

    @Override
    double upper(int k, int n, double tail) {
      if (k == n) {
        return 1;
      }
      // P(X < k) + P(X = k)/2 falls with p; solve it equal to the tail.
      return RootSupport.bisect(
          p -> {
            BinomialDistribution b = BinomialDistribution.of(n, p);
            return b.cumulativeProbability(k) - 0.5 * b.probability(k) - tail;
          },
          0,
          1);
    }
  },

  /** Agresti–Coull "add z²/2 successes and failures" interval, clipped to [0, 1] (Agresti and Coull 1998). */
  AGRESTI_COULL {
    @Override
    double lower(int k, int n, double tail) {
      double z = z(tail);
      double nTilde = n + z * z;
      double p = (k + z * z / 2) / nTilde;
      return Math.max(0, p - z * Math.sqrt(p * (1 - p) / nTilde));
    }

    @Override
    double upper(int k, int n, double tail) {
      double z = z(tail);
      double nTilde = n + z * z;
      double p = (k + z * z / 2) / nTilde;
      return Math.min(1, p + z * Math.sqrt(p * (1 - p) / nTilde));
    }
  };

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Lower limit whose lower-tail error probability is {@code tail}. */
  abstract double lower(int k, int n, double tail);

  /** Upper limit whose upper-tail error probability is {@code tail}. */
  abstract double upper(int k, int n, double tail);

  /**
   * Two-sided equal-tailed interval with {@code tail} in each tail; methods whose two limits share
   * work (the Beta-quantile methods share one log B) override this.
   */
  RateInterval interval(int k, int n, double tail, double confidence) {
    return new RateInterval(lower(k, n, tail), upper(k, n, tail), this, confidence);
  }

  /** The standard normal quantile with upper-tail probability {@code tail}. */
  static double z(double tail) {
    return STANDARD_NORMAL.inverseSurvivalProbability(tail);
  }
}
