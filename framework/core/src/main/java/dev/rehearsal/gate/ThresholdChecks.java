package dev.rehearsal.gate;

import static dev.rehearsal.gate.RateEstimate.percent;

import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.DeploymentRisk;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides whether a threshold holds on the candidate's (and production's) estimates. Evidence comes
 * first: an arm with fewer than {@code min-samples} graded responses in the segment makes the check
 * inconclusive, whatever the rates say, because a rate on a handful of samples can pass or fail by luck.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ThresholdChecks {

  private ThresholdChecks() {}

  /** Checks one threshold on one category and segment, on pooled counts (a self-weighting sample). */
  public static CheckResult check(ThresholdSpec t, String category, String segment, RateEstimate candidate,
      RateEstimate production) {
    return check(t, category, segment, candidate, production, Optional.empty());
  }

  /**
   * Checks one threshold; {@code postStratified}, when present, is the candidate's overall rate of a
   * stratified sample, and {@code max-rate} then bounds it instead of the pooled counts (which
   * describe the sample's segment mix, not production's). Comparative kinds keep pooled counts.
   */
  public static CheckResult check(ThresholdSpec t, String category, String segment, RateEstimate candidate,
      RateEstimate production, Optional<PostStratifiedRate> postStratified) {
    int min = t.evidence().minSamples();
    boolean tooFew = candidate.n() < min || t.kind().comparative() && production.n() < min;
    if (tooFew) {
      return inconclusive(t, category, segment, candidate, production);
    }
    return switch (t.kind()) {
      case MAX_RATE -> postStratified.isPresent()
          ? maxRate(t, category, segment, candidate, postStratified.get())
          : maxRate(t, category, segment, candidate);
      case MIN_RATE -> minRate(t, category, segment, candidate);
      case MAX_RATIO_TO_PRODUCTION -> ComparisonChecks.ratio(t, category, segment, candidate, production);
      case MAX_INCREASE -> ComparisonChecks.increase(t, category, segment, candidate, production);
      case NON_INFERIORITY -> ComparisonChecks.nonInferiority(t, category, segment, candidate, production);
      case MUST_NOT_INCREASE -> ComparisonChecks.fisher(t, category, segment, candidate, production);
    };
  }

  private static CheckResult inconclusive(ThresholdSpec t, String category, String segment, RateEstimate c,
      RateEstimate p) {
    String observed = String.format(Locale.ROOT, "inconclusive: candidate n=%d%s, below min-samples %d; %s",
        c.n(), t.kind().comparative() ? ", production n=" + p.n() : "", t.evidence().minSamples(),
        "on-inconclusive: " + t.evidence().onInconclusive().wireName());
    return new CheckResult(t, category, segment, Outcome.INCONCLUSIVE, Double.NaN, "min-samples",
        observed, expected(t) + "; at least " + t.evidence().minSamples() + " graded responses per arm");
  }

  private static CheckResult maxRate(ThresholdSpec t, String category, String segment, RateEstimate c) {
    double upper = c.upperBound(t.confidence());
    String method = "Clopper-Pearson upper bound, one-sided, " + t.confidence();
    String observed = String.format(Locale.ROOT, "candidate %s; upper bound %s (%s)%s", c.describe(), percent(upper),
        method, c.k() == 0 ? "; " + floor(DeploymentRisk.detectionFloor(c.n(), t.confidence()), t.confidence()) : "");
    return new CheckResult(t, category, segment, upper > t.limit() ? Outcome.BREACH : Outcome.PASS, upper, method,
        observed, expected(t));
  }

  // A lower bound decides "at least": the pooled counts (a stratified overall rate uses the sample's
  // segment mix here; declare per-segment min-rate thresholds where the mix matters).
  private static CheckResult minRate(ThresholdSpec t, String category, String segment, RateEstimate c) {
    double lower = c.lowerBound(t.confidence());
    String method = "Clopper-Pearson lower bound, one-sided, " + t.confidence();
    String observed = String.format(Locale.ROOT, "candidate %s; lower bound %s (%s)", c.describe(), percent(lower),
        method);
    return new CheckResult(t, category, segment, lower < t.limit() ? Outcome.BREACH : Outcome.PASS, lower, method,
        observed, expected(t));
  }

  // Fay and Feuer (1997): the gamma upper limit of the weighted rate; at zero events it is set by
  // the segment with the largest weight per sampled turn, the stratified detection floor.
  private static CheckResult maxRate(ThresholdSpec t, String category, String segment, RateEstimate pooled,
      PostStratifiedRate ps) {
    String method = PostStratifiedRate.METHOD + " upper bound, one-sided, " + t.confidence();
    String expected = expected(t).replace("one-sided Clopper-Pearson upper bound",
        "one-sided post-stratified upper bound (Fay-Feuer 1997, production segment weights)");
    if (!ps.defined()) {
      String observed = "inconclusive: post-stratified overall rate undefined, no graded responses in segment(s) "
          + String.join(", ", ps.emptySegments()) + " that carry production weight; pooled " + pooled.describe()
          + " is not an estimate of production; on-inconclusive: " + t.evidence().onInconclusive().wireName();
      return new CheckResult(t, category, segment, Outcome.INCONCLUSIVE, Double.NaN, method, observed, expected);
    }
    double upper = ps.upperBound(t.confidence());
    String observed = String.format(Locale.ROOT, "candidate %s; pooled %s (sample mix, not used); upper bound %s (%s)%s",
        ps.describe(), pooled.describe(), percent(upper), method, ps.events() == 0 ? "; " + floor(upper, t.confidence()) : "");
    return new CheckResult(t, category, segment, upper > t.limit() ? Outcome.BREACH : Outcome.PASS, upper, method,
        observed, expected);
  }

  // At zero events the bound is the detection floor: the smallest rate the sample rules out at this
  // confidence (1 − α^(1/n) for a simple random sample, Clopper and Pearson 1934).
  private static String floor(double floor, double confidence) {
    return "detection floor " + percent(floor) + " at " + confidence + " (0 events is not 'never')";
  }

  /** The rule of a threshold in words, with its spec position. */
  static String expected(ThresholdSpec t) {
    String rule = switch (t.kind()) {
      case MAX_RATE -> String.format(Locale.ROOT, "one-sided Clopper-Pearson upper bound at %s confidence must be <= %s",
          t.confidence(), percent(t.limit()));
      case MIN_RATE -> String.format(Locale.ROOT, "one-sided Clopper-Pearson lower bound at %s confidence must be >= %s",
          t.confidence(), percent(t.limit()));
      case MAX_RATIO_TO_PRODUCTION -> String.format(Locale.ROOT,
          "Jeffreys-smoothed candidate rate (k+0.5)/(n+1) divided by production's must be <= %.3f", t.limit());
      case MAX_INCREASE -> String.format(Locale.ROOT, "observed increase candidate - production must be <= %.2fpp",
          100 * t.limit());
      case NON_INFERIORITY -> String.format(Locale.ROOT,
          "Newcombe upper bound (one-sided, %s) of candidate - production must be < margin %.2fpp", t.confidence(),
          100 * t.limit());
      case MUST_NOT_INCREASE -> String.format(Locale.ROOT,
          "one-sided Fisher exact p (candidate rate > production rate) must be >= α/2 = %.3f (α = %.2f, two-sided convention)",
          t.limit() / 2, t.limit());
    };
    return t.describeLimit() + ": " + rule + " (" + t.mark() + ")";
  }
}
