package dev.rehearsal.gate;

import dev.rehearsal.spec.ThresholdSpec;
import java.util.Locale;
import org.apache.commons.statistics.interval.Interval;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/** The comparative threshold kinds: candidate against production in the same segment. */
final class ComparisonChecks {

  private ComparisonChecks() {}

  static CheckResult ratio(ThresholdSpec t, String category, String segment, RateEstimate c, RateEstimate p) {
    double ratio = c.smoothedRate() / p.smoothedRate();
    String observed = String.format(Locale.ROOT, "ratio %.3f = candidate %s / production %s (smoothed %.5f / %.5f)",
        ratio, c.describe(), p.describe(), c.smoothedRate(), p.smoothedRate());
    return result(t, category, segment, ratio > t.limit(), ratio, "Jeffreys-smoothed point ratio", observed);
  }

  static CheckResult increase(ThresholdSpec t, String category, String segment, RateEstimate c, RateEstimate p) {
    RateDifference d = new RateDifference(c, p);
    Interval ci = d.newcombe(2 * (1 - t.confidence()));
    String observed = String.format(Locale.ROOT, "increase %s [%s, %s] (Newcombe, %.2f two-sided) = candidate %s - production %s",
        pp(d.difference()), pp(ci.getLowerBound()), pp(ci.getUpperBound()), 2 * t.confidence() - 1, c.describe(), p.describe());
    return result(t, category, segment, d.difference() > t.limit(), d.difference(), "observed difference", observed);
  }

  static CheckResult nonInferiority(ThresholdSpec t, String category, String segment, RateEstimate c, RateEstimate p) {
    RateDifference d = new RateDifference(c, p);
    double upper = d.upperBound(t.confidence());
    String observed = String.format(Locale.ROOT,
        "difference %s, upper bound %s (Newcombe hybrid score, one-sided, %s) vs margin %s; candidate %s, production %s",
        pp(d.difference()), pp(upper), t.confidence(), pp(t.limit()), c.describe(), p.describe());
    return result(t, category, segment, upper >= t.limit(), upper, "Newcombe upper bound, one-sided, " + t.confidence(),
        observed);
  }

  /**
   * One-sided Fisher exact test. The table's first row is the candidate (flagged, not flagged), the
   * second production; {@code GREATER_THAN} tests an odds ratio above 1, i.e. a higher candidate rate.
   */
  static CheckResult fisher(ThresholdSpec t, String category, String segment, RateEstimate c, RateEstimate p) {
    int[][] table = {{c.k(), c.n() - c.k()}, {p.k(), p.n() - p.k()}};
    double pValue = FisherExactTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(table).getPValue();
    String observed = String.format(Locale.ROOT,
        "one-sided Fisher exact p = %.4g for candidate %s > production %s (table [[%d, %d], [%d, %d]]); α/2 = %.3f",
        pValue, c.describe(), p.describe(), c.k(), c.n() - c.k(), p.k(), p.n() - p.k(), t.limit() / 2);
    return result(t, category, segment, pValue < t.limit() / 2, pValue, "Fisher exact test, one-sided (greater)", observed);
  }

  private static CheckResult result(ThresholdSpec t, String category, String segment, boolean breached, double value,
      String method, String observed) {
    return new CheckResult(t, category, segment, breached ? Outcome.BREACH : Outcome.PASS, value, method, observed,
        ThresholdChecks.expected(t));
  }

  static String pp(double d) {
    return String.format(Locale.ROOT, "%+.2fpp", 100 * d);
  }
}
