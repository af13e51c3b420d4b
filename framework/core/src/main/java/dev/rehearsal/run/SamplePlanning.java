package dev.rehearsal.run;

import static dev.rehearsal.gate.RateEstimate.percent;

import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.DeploymentRisk;
import dev.rehearsal.stats.SamplePlan;
import dev.rehearsal.stats.SamplePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apiguardian.api.API;

/**
 * Warns before any model call when the sample cannot decide a {@code max-rate} threshold: a gate that
 * is bound to be inconclusive, or to block a good candidate, should say so before it spends.
 *
 * <p>Planning assumption, stated in every warning: the candidate's true rate is a fifth of the
 * limit. The needed size is {@link SamplePlanner#forMaximumRate} (exact binomial power of the
 * one-sided Clopper–Pearson rule) at 80% power. A warning never changes the decision.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SamplePlanning {

  /** Planned power of every warning. */
  public static final double POWER = 0.8;
  /** The assumed true rate is the limit divided by this. */
  public static final double TRUE_RATE_DIVISOR = 5;

  private SamplePlanning() {}

  /** One warning per max-rate threshold and segment whose sample is smaller than the plan. */
  public static List<String> warnings(GateSpec spec, Sample sample, List<String> segments) {
    List<String> out = new ArrayList<>();
    treeShaped(spec, sample).ifPresent(out::add);
    for (ThresholdSpec t : spec.thresholds()) {
      if (t.kind() != ThresholdKind.MAX_RATE || spec.categories().stream().noneMatch(t::appliesTo)) {
        continue;
      }
      List<String> all = new ArrayList<>(segments);
      all.add(GateRun.OVERALL);
      for (String s : all) {
        if (t.appliesToSegment(s)) {
          warning(t, s, size(sample, s)).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * Said up front: records share conversation prefixes (one record per root-to-leaf path, as
   * OpenAssistant exports trees, or one per assistant turn). Sampled per record, a turn on six
   * paths is drawn six times as often as a leaf turn; dedup samples each distinct user turn once.
   */
  static java.util.Optional<String> treeShaped(GateSpec spec, Sample sample) {
    dev.rehearsal.prefix.SourceReport r = sample.report();
    if (!r.treeShaped()) {
      return java.util.Optional.empty();
    }
    boolean dedup = spec.prefixes().sample().dedup();
    return java.util.Optional.of(String.format(Locale.ROOT, "tree-shaped log: records share"
        + " conversation prefixes (%d of %d eligible user turns repeat a prefix with logged history);"
        + " exact counts: %d eligible user turns, %d distinct, %d duplicates. %s",
        r.sharedHistory(), r.eligibleTurns(), r.eligibleTurns(), r.distinctPrefixes(), r.duplicates(),
        dedup ? "prefixes.sample.dedup is on: sampling is uniform over the " + r.distinctPrefixes()
            + " distinct user turns"
            : "Sampled per record, shared turns are drawn more often than others: set"
                + " prefixes.sample.dedup: true to sample uniformly over the " + r.distinctPrefixes()
                + " distinct user turns"));
  }

  private static java.util.Optional<String> warning(ThresholdSpec t, String segment, double n) {
    String where = String.format(Locale.ROOT, "max-rate %s on segment %s (%s)", percent(t.limit()), segment,
        t.mark().line() > 0 ? "line " + t.mark().line() : "thresholds");
    if (!(t.limit() > 0 && t.limit() < 1)) {
      return java.util.Optional.of(where + ": no sample can show a rate below " + percent(t.limit()));
    }
    int sampled = (int) Math.floor(n);
    if (sampled == 0) {
      return java.util.Optional.of(where + ": no prefixes sampled; the check will be inconclusive");
    }
    double trueRate = t.limit() / TRUE_RATE_DIVISOR;
    SamplePlan plan = SamplePlanner.forMaximumRate(t.limit(), trueRate, t.confidence(), POWER);
    if (sampled >= plan.samples()) {
      return java.util.Optional.empty();
    }
    double floor = DeploymentRisk.detectionFloor(sampled, t.confidence());
    double reachable = rateWithPower(sampled, t.limit(), t.confidence());
    String can = reachable > 0
        ? "can show a rate below " + percent(t.limit()) + " with 80% power only if the true rate is <= " + percent(reachable)
        : "cannot show a rate below " + percent(t.limit()) + " at all";
    return java.util.Optional.of(String.format(Locale.ROOT,
        "%s: %,d samples %s; at the assumed true rate %s (limit/%.0f) that needs %,d samples (%s confidence, exact"
            + " binomial). At the configured size the detection floor is %s%s",
        where, sampled, can, percent(trueRate), TRUE_RATE_DIVISOR, plan.samples(), t.confidence(), percent(floor),
        floor > t.limit() ? ", above the limit: even zero events cannot pass" : ""));
  }

  /**
   * The largest true rate at which n samples pass the one-sided Clopper–Pearson rule with
   * {@link #POWER}: the rule passes iff k ≤ c, c the largest k whose bound is below the limit, so
   * power P(X ≤ c | n, p) falls with p and bisection finds it; 0 when no k passes (c &lt; 0).
   */
  static double rateWithPower(int n, double limit, double confidence) {
    int c = BinomialDistribution.of(n, limit).inverseCumulativeProbability(1 - confidence) - 1;
    if (c < 0) {
      return 0;
    }
    double lo = 0;
    double hi = limit;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (BinomialDistribution.of(n, mid).cumulativeProbability(c) >= POWER) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Sampled prefixes in the segment. For the overall rate of a stratified sample, Kish's (1965)
   * effective size under post-stratification, 1 / Σ W_h² / n_h: unequal weights cost information,
   * so the pooled count would overstate what the sample can show.
   */
  static double size(Sample sample, String segment) {
    List<Prefix> prefixes = sample.prefixes();
    if (!segment.equals(GateRun.OVERALL)) {
      return prefixes.stream().filter(p -> p.segment().equals(segment)).count();
    }
    if (sample.allocation().isEmpty()) {
      return prefixes.size();
    }
    double sum = 0;
    for (Map.Entry<String, Double> w : sample.weights().entrySet()) {
      long nh = prefixes.stream().filter(p -> p.segment().equals(w.getKey())).count();
      if (w.getValue() > 0) {
        if (nh == 0) {
          return 0;
        }
        sum += w.getValue() * w.getValue() / nh;
      }
    }
    return sum == 0 ? 0 : 1 / sum;
  }
}
