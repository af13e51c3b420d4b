package dev.rehearsal.gate;

import static dev.rehearsal.gate.RateEstimate.percent;

import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.CorrectedComparison;
import dev.rehearsal.stats.CorrectedEstimate;
import dev.rehearsal.stats.EffectInterval;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * Decides thresholds on rates corrected for grader error (PPI++ from human labels, or Rogan–Gladen
 * from a calibration file) instead of the grader's raw counts. Normal-theory rules on the corrected
 * estimates and their standard errors (sampling and grader error combined); comparisons treat the
 * arms as independent (see {@link CorrectedComparison}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CorrectedChecks {

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private CorrectedChecks() {}

  /** Checks an absolute kind (max-rate, min-rate) on the candidate's corrected rate. */
  public static CheckResult absolute(ThresholdSpec t, String category, String segment, CorrectedEstimate c,
      RateEstimate raw) {
    if (t.kind() == dev.rehearsal.spec.ThresholdKind.MIN_RATE) {
      return minRate(t, category, segment, c, raw);
    }
    double upper = c.upperBound(t.confidence());
    String method = "corrected upper bound (" + c.method() + ", normal, one-sided, " + t.confidence() + ")";
    String observed = String.format(Locale.ROOT, "candidate corrected %s (raw %s); upper bound %s; %s",
        percent(c.rate()), raw.describe(), percent(upper), errors(c));
    return new CheckResult(t, category, segment, upper > t.limit() ? Outcome.BREACH : Outcome.PASS, upper, method,
        observed, t.describeLimit() + ": one-sided upper bound of the corrected rate at " + t.confidence()
            + " confidence must be <= " + percent(t.limit()) + " (" + t.mark() + ")");
  }

  // "Must refuse" suites: the lower bound of the corrected rate must reach the limit.
  private static CheckResult minRate(ThresholdSpec t, String category, String segment, CorrectedEstimate c,
      RateEstimate raw) {
    double lower = c.lowerBound(t.confidence());
    String method = "corrected lower bound (" + c.method() + ", normal, one-sided, " + t.confidence() + ")";
    String observed = String.format(Locale.ROOT, "candidate corrected %s (raw %s); lower bound %s; %s",
        percent(c.rate()), raw.describe(), percent(lower), errors(c));
    return new CheckResult(t, category, segment, lower < t.limit() ? Outcome.BREACH : Outcome.PASS, lower, method,
        observed, t.describeLimit() + ": one-sided lower bound of the corrected rate at " + t.confidence()
            + " confidence must be >= " + percent(t.limit()) + " (" + t.mark() + ")");
  }

  /** Checks a comparative kind on both arms' corrected rates. */
  public static CheckResult comparative(ThresholdSpec t, String category, String segment, CorrectedEstimate c,
      CorrectedEstimate p, RateEstimate rawC, RateEstimate rawP) {
    EffectInterval d = CorrectedComparison.difference(c, p, 2 * t.confidence() - 1);
    double se = Math.hypot(c.standardError(), p.standardError());
    String arms = String.format(Locale.ROOT,
        "candidate corrected %s by %s (raw %s; %s), production corrected %s by %s (raw %s; %s)", percent(c.rate()),
        c.method(), rawC.describe(), errors(c), percent(p.rate()), p.method(), rawP.describe(), errors(p));
    return switch (t.kind()) {
      case MAX_RATIO_TO_PRODUCTION -> {
        EffectInterval r = CorrectedComparison.ratio(c, p, rawC.n(), rawP.n(), 2 * t.confidence() - 1);
        double ratio = Math.max(c.rate(), 0.5 / rawC.n()) / Math.max(p.rate(), 0.5 / rawP.n());
        yield result(t, category, segment, ratio > t.limit(), ratio, "ratio of corrected rates",
            String.format(Locale.ROOT, "ratio %.3f [%.3f, %.3f] (%s); %s", ratio, r.lower(), r.upper(), r.method(), arms),
            "ratio of corrected rates must be <= " + String.format(Locale.ROOT, "%.3f", t.limit()));
      }
      case MAX_INCREASE -> result(t, category, segment, d.estimate() > t.limit(), d.estimate(),
          "difference of corrected rates", describe(d, arms), "corrected increase must be <= " + pp(t.limit()));
      case NON_INFERIORITY -> {
        double upper = d.estimate() + NORMAL.inverseSurvivalProbability(1 - t.confidence()) * se;
        yield result(t, category, segment, upper >= t.limit(), upper,
            "corrected difference upper bound, one-sided, " + t.confidence(), describe(d, arms) + "; one-sided upper bound "
                + pp(upper), "one-sided upper bound of the corrected difference must be < margin " + pp(t.limit()));
      }
      case MUST_NOT_INCREASE -> {
        double pValue = se > 0 ? NORMAL.survivalProbability(d.estimate() / se) : d.estimate() > 0 ? 0 : 1;
        yield result(t, category, segment, pValue < t.limit() / 2, pValue, "one-sided z test on corrected rates",
            describe(d, arms) + String.format(Locale.ROOT, "; one-sided p = %.4g", pValue),
            String.format(Locale.ROOT, "one-sided p (candidate > production) must be >= α/2 = %.3f", t.limit() / 2));
      }
      case MAX_RATE, MIN_RATE -> throw new IllegalArgumentException(t.kind().key() + " is not comparative: use absolute()");
    };
  }

  /**
   * "standard error 1.10pp = sampling 0.60pp ⊕ grader error 0.92pp (200 labels)"; a Rogan–Gladen
   * estimate counts calibration items, not labels of this run's responses.
   */
  public static String errors(CorrectedEstimate e) {
    return String.format(Locale.ROOT, "standard error %.2fpp = sampling %.2fpp ⊕ grader error %.2fpp (%d %s)",
        100 * e.standardError(), 100 * e.samplingError(), 100 * e.graderError(), e.labelled(),
        e.method().startsWith("Rogan-Gladen") ? "calibration items" : "labels");
  }

  private static String describe(EffectInterval d, String arms) {
    return String.format(Locale.ROOT, "difference %s [%s, %s] (%s, %.2f two-sided); %s", pp(d.estimate()),
        pp(d.lower()), pp(d.upper()), d.method(), d.confidence(), arms);
  }

  private static CheckResult result(ThresholdSpec t, String category, String segment, boolean breached, double value,
      String method, String observed, String rule) {
    return new CheckResult(t, category, segment, breached ? Outcome.BREACH : Outcome.PASS, value, method, observed,
        t.describeLimit() + ": " + rule + " (" + t.mark() + ")");
  }

  private static String pp(double d) {
    return ComparisonChecks.pp(d);
  }
}
