package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.RootSupport;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Strategy for a confidence interval on the ratio p1 / p2 of two independent rates.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public enum RatioMethod {

  /**
   * Koopman (1984, Biometrics 40:513-517) score interval: the ratios whose chi-square score
   * statistic stays below the critical value. The default; finite lower limit 0 at k1 = 0 and
   * infinite upper limit at k2 = 0.
   */
  KOOPMAN_SCORE {
    @Override
    double[] limits(int k1, int n1, int k2, int n2, double z) {
      double critical = z * z;
      double estimate = ((double) k1 / n1) / ((double) k2 / n2);
      // Search on the log scale: ratios span many orders of magnitude at rare rates.
      double logMid = k1 == 0 || k2 == 0 ? Math.log((k1 + 0.5) / n1 / ((k2 + 0.5) / n2)) : Math.log(estimate);
      double lower = k1 == 0 ? 0 : Math.exp(RootSupport.bisect(
          t -> critical - ScoreSupport.koopman(k1, n1, k2, n2, Math.exp(t)), logMid - LOG_RANGE, logMid));
      double upper = k2 == 0 ? Double.POSITIVE_INFINITY : Math.exp(RootSupport.bisect(
          t -> ScoreSupport.koopman(k1, n1, k2, n2, Math.exp(t)) - critical, logMid, logMid + LOG_RANGE));
      return new double[] {lower, upper};
    }
  },

  /**
   * Katz et al. (1978, Biometrics 34:469-474) log interval, exp(log r ± z·√(1/k1 − 1/n1 + 1/k2 −
   * 1/n2)). A cross-check only: undefined at zero counts, where it returns [0, ∞].
   */
  KATZ_LOG {
    @Override
    double[] limits(int k1, int n1, int k2, int n2, double z) {
      if (k1 == 0 || k2 == 0) {
        return new double[] {0, Double.POSITIVE_INFINITY};
      }
      double log = Math.log(((double) k1 / n1) / ((double) k2 / n2));
      double se = Math.sqrt(1.0 / k1 - 1.0 / n1 + 1.0 / k2 - 1.0 / n2);
      return new double[] {Math.exp(log - z * se), Math.exp(log + z * se)};
    }
  };

  /** Half-width of the log-ratio search bracket (e^30 ≈ 10^13). */
  private static final double LOG_RANGE = 30;

  abstract double[] limits(int k1, int n1, int k2, int n2, double z);

  /** Human-readable name used in reports. */
  public String displayName() {
    return this == KOOPMAN_SCORE ? "Koopman score" : "Katz log";
  }
}
