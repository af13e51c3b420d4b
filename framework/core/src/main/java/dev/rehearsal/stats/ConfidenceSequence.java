package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import dev.rehearsal.stats.internal.RootSupport;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Anytime-valid confidence sequence for a Bernoulli rate: the limits hold simultaneously at every
 * sample size, so a run may look after every batch and stop whenever it likes.
 *
 * <p>This is the conjugate beta-binomial mixture boundary (Howard, Ramdas, McAuliffe and Sekhon
 * 2021, "Time-uniform, nonparametric, nonasymptotic confidence sequences", Ann Stat 49:1055-1080,
 * section 3.2 and Proposition 6 for the Bernoulli/beta case; the same boundary as the confseq
 * library's beta-binomial mixture). For a Beta(a, b) mixing prior the mixture martingale after s
 * events in t trials is M_t(p) = B(a + s, b + t − s) / B(a, b) / (p^s (1 − p)^(t−s)); by Ville's
 * inequality P(∃t: M_t(p) ≥ 1/α) ≤ α, so {p : M_t(p) &lt; 1/α} covers p at all t with probability
 * at least 1 − α (both sides together).
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class ConfidenceSequence {

  private final double a;
  private final double b;
  private final double logThreshold;

  private ConfidenceSequence(double a, double b, double alpha) {
    this.a = a;
    this.b = b;
    this.logThreshold = Math.log(1 / alpha);
  }

  /**
   * A confidence sequence at level 1 − {@code alpha} with a Beta(a, b) mixing prior. The prior tunes
   * where the boundary is tightest: centre it near the rates that matter (e.g. the gate's maximum).
   */
  public static ConfidenceSequence of(double alpha, double a, double b) {
    Checks.openProbability("Alpha", alpha);
    Checks.positive("Prior shape a", a);
    Checks.positive("Prior shape b", b);
    return new ConfidenceSequence(a, b, alpha);
  }

  /** The log mixture martingale log M_t(p) after {@code s} events in {@code t} trials. */
  public double logMartingale(int s, int t, double p) {
    double logLikelihood = (s == 0 ? 0 : s * Math.log(p)) + (t == s ? 0 : (t - s) * Math.log1p(-p));
    return LogBeta.value(a + s, b + t - s) - LogBeta.value(a, b) - logLikelihood;
  }

  /** Upper limit after {@code s} events in {@code t} trials (1 when t = 0). */
  public double upper(int s, int t) {
    Checks.countsAllowingNone(s, t);
    if (t == 0 || s == t) {
      return 1;
    }
    double estimate = (double) s / t;
    return RootSupport.bisect(p -> logMartingale(s, t, p) - logThreshold, estimate, Math.nextDown(1.0));
  }

  /** Lower limit after {@code s} events in {@code t} trials (0 when s = 0). */
  public double lower(int s, int t) {
    Checks.countsAllowingNone(s, t);
    if (t == 0 || s == 0) {
      return 0;
    }
    double estimate = (double) s / t;
    return RootSupport.bisect(p -> logThreshold - logMartingale(s, t, p), Double.MIN_NORMAL, estimate);
  }
}
