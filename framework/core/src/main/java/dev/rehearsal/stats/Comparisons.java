package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Entry point for comparing a candidate's rate (arm 1: k1 of n1) with production's (arm 2: k2 of
 * n2): difference, ratio, "did it change" and the paired versions.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class Comparisons {

  /** Significance level for "did it change": two-sided Fisher exact at α = 0.1 (system-card practice). */
  public static final double DEFAULT_CHANGE_ALPHA = 0.1;

  private Comparisons() {}

  /** Two-sided interval for p1 − p2. */
  public static EffectInterval difference(
      int k1, int n1, int k2, int n2, double confidence, DifferenceMethod method) {
    checkArms(k1, n1, k2, n2, confidence);
    double[] limits = method.limits(k1, n1, k2, n2, IntervalMethod.z((1 - confidence) / 2));
    double estimate = (double) k1 / n1 - (double) k2 / n2;
    return new EffectInterval(estimate, limits[0], limits[1], method.displayName(), confidence);
  }

  /** Two-sided interval for p1 − p2 with the default Newcombe hybrid score method. */
  public static EffectInterval difference(int k1, int n1, int k2, int n2, double confidence) {
    return difference(k1, n1, k2, n2, confidence, DifferenceMethod.NEWCOMBE_HYBRID_SCORE);
  }

  /** Two-sided interval for p1 / p2; the estimate is NaN when both counts are zero. */
  public static EffectInterval ratio(int k1, int n1, int k2, int n2, double confidence, RatioMethod method) {
    checkArms(k1, n1, k2, n2, confidence);
    double[] limits = method.limits(k1, n1, k2, n2, IntervalMethod.z((1 - confidence) / 2));
    double estimate = ((double) k1 / n1) / ((double) k2 / n2);
    return new EffectInterval(estimate, limits[0], limits[1], method.displayName(), confidence);
  }

  /** Two-sided interval for p1 / p2 with the default Koopman score method. */
  public static EffectInterval ratio(int k1, int n1, int k2, int n2, double confidence) {
    return ratio(k1, n1, k2, n2, confidence, RatioMethod.KOOPMAN_SCORE);
  }

  /** Two-sided Fisher exact p-value for "the two rates differ" (Commons Statistics' implementation). */
  public static double fisherExactPValue(int k1, int n1, int k2, int n2) {
    checkArms(k1, n1, k2, n2, 0.5);
    int[][] table = {{k1, n1 - k1}, {k2, n2 - k2}};
    return FisherExactTest.withDefaults().test(table).getPValue();
  }

  /** Whether the rate changed: two-sided Fisher exact p-value below {@code alpha} (default 0.1). */
  public static boolean changed(int k1, int n1, int k2, int n2, double alpha) {
    Checks.openProbability("Significance level alpha", alpha);
    return fisherExactPValue(k1, n1, k2, n2) < alpha;
  }

  /**
   * Exact McNemar p-value for paired arms: two-sided binomial test of the discordant pairs against
   * ½ (conditional exact test; McNemar 1947, Psychometrika 12:153-157).
   */
  public static double mcNemarExactPValue(PairedCounts counts) {
    int b = counts.candidateOnly();
    int c = counts.productionOnly();
    if (b + c == 0) {
      return 1;
    }
    double tail = BinomialDistribution.of(b + c, 0.5).cumulativeProbability(Math.min(b, c));
    return Math.min(1, 2 * tail);
  }

  /**
   * Interval for the paired difference candidate − production: Newcombe (1998, "Improved
   * confidence intervals for the difference between binomial proportions based on paired data",
   * Stat Med 17:2635-2650) method 10, Wilson limits combined with the continuity-corrected phi.
   */
  public static EffectInterval pairedDifference(PairedCounts counts, double confidence) {
    Checks.confidence(confidence);
    double z = IntervalMethod.z((1 - confidence) / 2);
    int n = counts.total();
    int k1 = counts.both() + counts.candidateOnly();
    int k2 = counts.both() + counts.productionOnly();
    double p1 = (double) k1 / n;
    double p2 = (double) k2 / n;
    double lo1 = p1 - WilsonSupport.lower(k1, n, z);
    double hi1 = WilsonSupport.upper(k1, n, z) - p1;
    double lo2 = p2 - WilsonSupport.lower(k2, n, z);
    double hi2 = WilsonSupport.upper(k2, n, z) - p2;
    double phi = correctedPhi(counts);
    double d = p1 - p2;
    double lower = d - Math.sqrt(Math.max(0, lo1 * lo1 - 2 * phi * lo1 * hi2 + hi2 * hi2));
    double upper = d + Math.sqrt(Math.max(0, hi1 * hi1 - 2 * phi * hi1 * lo2 + lo2 * lo2));
    return new EffectInterval(d, Math.max(-1, lower), Math.min(1, upper), "Newcombe paired score", confidence);
  }

  // Newcombe (1998) Stat Med 17:2635, method 10: phi is 0 when a margin is empty, and is
  // continuity-corrected towards 0 by n/2 when the table is positively associated.
  static double correctedPhi(PairedCounts t) {
    double a = t.both();
    double b = t.candidateOnly();
    double c = t.productionOnly();
    double d = t.neither();
    double denominator = Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));
    if (denominator == 0) {
      return 0;
    }
    double cross = a * d - b * c;
    double numerator = cross > 0 ? Math.max(cross - t.total() / 2.0, 0) : cross;
    return numerator / denominator;
  }

  static void checkArms(int k1, int n1, int k2, int n2, double confidence) {
    Checks.counts(k1, n1);
    Checks.counts(k2, n2);
    Checks.confidence(confidence);
  }
}
