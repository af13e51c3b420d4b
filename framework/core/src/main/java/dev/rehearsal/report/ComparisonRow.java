package dev.rehearsal.report;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.Comparisons;
import dev.rehearsal.stats.DifferenceMethod;
import dev.rehearsal.stats.EffectInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One comparative rule checked on one category and segment, as the comparison plot draws it: the
 * candidate − production difference (or ratio) with its interval and the rule's margin, so a breach
 * is seen where the rule is drawn.
 *
 * @param category the category id
 * @param segment the segment, or {@code overall}
 * @param kind the threshold kind's spec key ({@code non-inferiority})
 * @param rule the rule as written ({@code non-inferiority 1.00pp})
 * @param scale {@value #DIFFERENCE} (rate units, 0.01 = 1pp) or {@value #RATIO}
 * @param drawn whether both arms had graded responses (otherwise nothing is drawn)
 * @param estimate the observed difference or ratio
 * @param low the interval's lower limit
 * @param high the interval's upper limit (capped at {@value #RATIO_CAP} for ratios)
 * @param interval how the interval was computed ({@code 90% Newcombe})
 * @param margin the line the rule compares with: the limit, or 0 for {@code must-not-increase}
 * @param verdict {@code pass}, {@code BREACH} or an inconclusive verdict
 * @param decisive the number that decided and the rule, {@code upper +2.71pp ≥ margin +1.00pp}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ComparisonRow(
    String category,
    String segment,
    String kind,
    String rule,
    String scale,
    boolean drawn,
    double estimate,
    double low,
    double high,
    String interval,
    double margin,
    String verdict,
    String decisive) {

  public static final String DIFFERENCE = "difference";
  public static final String RATIO = "ratio";
  /** Ratios above this are drawn at the axis end: an infinite upper limit (no production events) has no place on an axis. */
  public static final double RATIO_CAP = 1000;

  /** The comparative checks of a run, in category and check order. */
  public static List<ComparisonRow> of(GateRun run) {
    List<ComparisonRow> out = new ArrayList<>();
    for (CategoryResult r : run.categories().values()) {
      for (CheckResult c : r.checks()) {
        if (c.threshold().kind().comparative()) {
          out.add(of(c, r.candidate().get(c.segment()), r.production().get(c.segment())));
        }
      }
    }
    return out;
  }

  static ComparisonRow of(CheckResult c, RateEstimate cand, RateEstimate prod) {
    ThresholdSpec t = c.threshold();
    boolean ratio = t.kind() == ThresholdKind.MAX_RATIO_TO_PRODUCTION;
    boolean drawn = cand != null && prod != null && cand.n() > 0 && prod.n() > 0;
    double margin = t.kind() == ThresholdKind.MUST_NOT_INCREASE ? 0 : t.limit();
    // Two-sided intervals whose upper limit is the one-sided bound each rule reads.
    double confidence = t.kind() == ThresholdKind.MUST_NOT_INCREASE ? 1 - t.limit()
        : ratio ? 0.95 : 2 * t.confidence() - 1;
    EffectInterval e = !drawn ? new EffectInterval(0, 0, 0, "-", confidence) : ratio
        ? Comparisons.ratio(cand.k(), cand.n(), prod.k(), prod.n(), confidence)
        : Comparisons.difference(cand.k(), cand.n(), prod.k(), prod.n(), confidence, DifferenceMethod.NEWCOMBE_HYBRID_SCORE);
    double estimate = ratio && Double.isFinite(c.value()) ? c.value() : e.estimate();
    drawn = drawn && Double.isFinite(estimate);
    String interval = String.format(Locale.ROOT, "%.0f%% %s", 100 * confidence, ratio ? "Koopman" : "Newcombe");
    return new ComparisonRow(c.category(), c.segment(), t.kind().key(), t.describeLimit(), ratio ? RATIO : DIFFERENCE,
        drawn, estimate, e.lower(), Math.min(RATIO_CAP, e.upper()), interval, margin, c.verdict(), decisive(c));
  }

  /** The number that decided, against the rule. */
  static String decisive(CheckResult c) {
    if (c.inconclusive()) {
      return "too few samples (min-samples " + c.threshold().evidence().minSamples() + ")";
    }
    double v = c.value();
    double limit = c.threshold().limit();
    boolean b = c.breached();
    return switch (c.threshold().kind()) {
      case MAX_RATIO_TO_PRODUCTION -> String.format(Locale.ROOT, "ratio %.3f %s max %.2f", v, b ? ">" : "≤", limit);
      case MAX_INCREASE -> "increase " + pp(v) + (b ? " > " : " ≤ ") + "max " + pp(limit);
      case NON_INFERIORITY -> "upper " + pp(v) + (b ? " ≥ " : " < ") + "margin " + pp(limit);
      case MUST_NOT_INCREASE -> String.format(Locale.ROOT, "Fisher p = %.3g %s α/2 = %.3f", v, b ? "<" : "≥", limit / 2);
      default -> c.verdict();
    };
  }

  static String pp(double d) {
    return String.format(Locale.ROOT, "%+.2fpp", 100 * d);
  }
}
