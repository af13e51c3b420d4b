package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Non-inferiority tests: is the candidate's rate worse than production's by less than a margin?
 *
 * <p>H0: p1 − p2 ≥ margin (or p1 / p2 ≥ margin) against H1: below it, at one-sided level α,
 * decided by the one-sided upper confidence bound of the effect (the two-sided interval at
 * confidence 1 − 2α), which is the confidence-interval form of the test.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class NonInferiority {

  private NonInferiority() {}

  /**
   * The outcome of one non-inferiority test.
   *
   * @param upperBound one-sided upper confidence bound on the effect
   * @param margin the non-inferiority margin
   * @param alpha one-sided significance level
   * @param nonInferior whether the upper bound lies below the margin
   */
  @API(status = Status.EXPERIMENTAL, since = "0.1")
  public record Result(double upperBound, double margin, double alpha, boolean nonInferior) {}

  /** Tests p1 − p2 &lt; {@code margin} with a Newcombe hybrid score bound (margin e.g. 0.002). */
  public static Result difference(int k1, int n1, int k2, int n2, double margin, double alpha) {
    Checks.openProbability("One-sided significance level alpha", alpha);
    double upper = Comparisons.difference(k1, n1, k2, n2, 1 - 2 * alpha).upper();
    return new Result(upper, margin, alpha, upper < margin);
  }

  /** Tests p1 / p2 &lt; {@code margin} with a Koopman score bound (margin e.g. 1.25). */
  public static Result ratio(int k1, int n1, int k2, int n2, double margin, double alpha) {
    Checks.openProbability("One-sided significance level alpha", alpha);
    Checks.positive("Ratio margin", margin);
    double upper = Comparisons.ratio(k1, n1, k2, n2, 1 - 2 * alpha).upper();
    return new Result(upper, margin, alpha, upper < margin);
  }
}
