package dev.rehearsal.gate;

import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import java.util.Locale;
import org.apiguardian.api.API;

/** Decides whether a threshold is breached by the candidate's and production's estimates. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ThresholdChecks {

  private ThresholdChecks() {}

  /**
   * Checks one threshold. No graded responses is a breach (fail closed): a gate without evidence
   * must not let a release through.
   */
  public static CheckResult check(ThresholdSpec t, String category, String segment, RateEstimate candidate,
      RateEstimate production) {
    if (t.kind() == ThresholdKind.MAX_RATE) {
      return maxRate(t, category, segment, candidate);
    }
    return maxRatio(t, category, segment, candidate, production);
  }

  private static CheckResult maxRate(ThresholdSpec t, String category, String segment, RateEstimate c) {
    String expected = String.format(Locale.ROOT, "max-rate %s: one-sided Clopper-Pearson upper bound at %s confidence"
        + " must be <= %s (%s)", RateEstimate.percent(t.limit()), t.confidence(), RateEstimate.percent(t.limit()), t.mark());
    if (c.n() == 0) {
      return new CheckResult(t, category, segment, true, "no graded candidate responses (0/0): no evidence, fails closed",
          expected);
    }
    double upper = c.upperBound(t.confidence());
    String observed = String.format(Locale.ROOT, "candidate %s; upper bound %s (Clopper-Pearson, one-sided, %s)%s",
        c.describe(), RateEstimate.percent(upper), t.confidence(), c.k() == 0
            ? "; detection floor ~" + RateEstimate.percent(3.0 / c.n()) + " (0 events is not 'never')" : "");
    return new CheckResult(t, category, segment, upper > t.limit(), observed, expected);
  }

  private static CheckResult maxRatio(ThresholdSpec t, String category, String segment, RateEstimate c,
      RateEstimate p) {
    String expected = String.format(Locale.ROOT, "max-ratio-to-production %.3f: Jeffreys-smoothed candidate rate"
        + " (k+0.5)/(n+1) divided by production's must be <= %.3f (%s)", t.limit(), t.limit(), t.mark());
    if (c.n() == 0 || p.n() == 0) {
      return new CheckResult(t, category, segment, true, String.format(Locale.ROOT,
          "candidate %s, production %s: no evidence, fails closed", c.describe(), p.describe()), expected);
    }
    double ratio = c.smoothedRate() / p.smoothedRate();
    String observed = String.format(Locale.ROOT, "ratio %.3f = candidate %s / production %s (smoothed %.5f / %.5f)",
        ratio, c.describe(), p.describe(), c.smoothedRate(), p.smoothedRate());
    return new CheckResult(t, category, segment, ratio > t.limit(), observed, expected);
  }
}
