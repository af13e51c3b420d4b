package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Candidate-versus-production effects on corrected per-arm rates, for comparative thresholds when
 * both arms' rates were corrected for grader error.
 *
 * <p>Both are Wald intervals on combined standard errors, treating the arms as independent: each
 * arm's labels are drawn separately, and the arms' shared prefixes correlate their sampling parts
 * positively, so ignoring that covariance overstates the variance of the difference (the interval
 * is conservative). The ratio uses the delta method on the log scale (Katz, Baptista, Azen and Pike
 * 1978, Biometrics 34:469-474).
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class CorrectedComparison {

  private CorrectedComparison() {}

  /** Interval for candidate − production: d ± z·√(SE_c² + SE_p²). */
  public static EffectInterval difference(CorrectedEstimate candidate, CorrectedEstimate production, double confidence) {
    Checks.confidence(confidence);
    double d = candidate.rate() - production.rate();
    double error = Math.hypot(candidate.standardError(), production.standardError());
    double z = IntervalMethod.z((1 - confidence) / 2);
    return new EffectInterval(d, Math.max(-1, d - z * error), Math.min(1, d + z * error),
        "difference of corrected rates (combined standard errors)", confidence);
  }

  /**
   * Interval for candidate / production: exp(log r ± z·√(SE_c²/θ_c² + SE_p²/θ_p²)). A corrected
   * rate of zero has no log: its arm's rate is floored at half an event in its sample (a
   * continuity correction), and a zero production rate gives an infinite upper limit.
   */
  public static EffectInterval ratio(CorrectedEstimate candidate, CorrectedEstimate production,
      int candidateTotal, int productionTotal, double confidence) {
    Checks.confidence(confidence);
    String method = "ratio of corrected rates (delta method on the log scale)";
    double c = Math.max(candidate.rate(), 0.5 / candidateTotal);
    double p = Math.max(production.rate(), 0.5 / productionTotal);
    double z = IntervalMethod.z((1 - confidence) / 2);
    double logError = Math.hypot(candidate.standardError() / c, production.standardError() / p);
    double estimate = production.rate() > 0 ? candidate.rate() / production.rate()
        : candidate.rate() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    double upper = production.rate() > 0 ? c / p * Math.exp(z * logError) : Double.POSITIVE_INFINITY;
    return new EffectInterval(estimate, c / p * Math.exp(-z * logError), upper, method, confidence);
  }
}
