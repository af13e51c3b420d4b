package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.RootSupport;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Strategy for a confidence interval on the difference p1 − p2 of two independent rates.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public enum DifferenceMethod {

  /**
   * Newcombe's hybrid score interval (method 10 of Newcombe 1998, "Interval estimation for the
   * difference between independent proportions", Stat Med 17:873-890): the Wilson limits of each
   * rate combined in quadrature. The default; closed form and well-behaved at zero counts.
   */
  NEWCOMBE_HYBRID_SCORE {
    @Override
    double[] limits(int k1, int n1, int k2, int n2, double z) {
      double p1 = (double) k1 / n1;
      double p2 = (double) k2 / n2;
      double l1 = WilsonSupport.lower(k1, n1, z);
      double u1 = WilsonSupport.upper(k1, n1, z);
      double l2 = WilsonSupport.lower(k2, n2, z);
      double u2 = WilsonSupport.upper(k2, n2, z);
      double d = p1 - p2;
      return new double[] {
        d - Math.hypot(p1 - l1, u2 - p2), d + Math.hypot(u1 - p1, p2 - l2)
      };
    }
  },

  /**
   * Miettinen and Nurminen (1985, Stat Med 4:213-226) score interval: inverts the score test with
   * the restricted maximum-likelihood variance and the N/(N−1) factor.
   */
  MIETTINEN_NURMINEN {
    @Override
    double[] limits(int k1, int n1, int k2, int n2, double z) {
      double d = (double) k1 / n1 - (double) k2 / n2;
      double critical = z * z;
      double lower = RootSupport.bisect(delta -> critical - ScoreSupport.miettinenNurminen(k1, n1, k2, n2, delta), -1, d);
      double upper = RootSupport.bisect(delta -> ScoreSupport.miettinenNurminen(k1, n1, k2, n2, delta) - critical, d, 1);
      return new double[] {lower, upper};
    }
  };

  /** The two-sided limits for the standard normal quantile {@code z}. */
  abstract double[] limits(int k1, int n1, int k2, int n2, double z);

  /** Human-readable name used in reports. */
  public String displayName() {
    return this == NEWCOMBE_HYBRID_SCORE ? "Newcombe hybrid score" : "Miettinen-Nurminen score";
  }
}
