package dev.rehearsal.gate;

import static dev.rehearsal.gate.RateEstimate.percent;

import dev.rehearsal.stats.PostStratification;
import dev.rehearsal.stats.StratifiedEstimate;
import dev.rehearsal.stats.Stratum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The overall rate of a stratified sample: each segment's rate weighted by its share of production
 * traffic (W_h = N_h / N as recorded by the sampler), Σ W_h k_h / n_h, instead of the pooled Σ k_h / Σ n_h.
 * A sample that over-represents a segment (equal or Neyman allocation, a minimum per segment) makes
 * the pooled rate a rate of the sample's mix, not of production's.
 *
 * <p>Bounds are Fay and Feuer (1997) gamma limits ({@link PostStratification}, the default): honest at
 * zero events, where the segment with the largest weight per sampled turn sets the bound.
 *
 * @param strata the segments with production weight, with the arm's events and graded turns
 * @param emptySegments segments with production weight but no graded response: the overall rate is
 *     then undefined, since nothing measured them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PostStratifiedRate(List<Stratum> strata, List<String> emptySegments) {

  /** The method in words, for messages and reports. */
  public static final String METHOD = "post-stratified, Fay-Feuer";

  public PostStratifiedRate {
    strata = List.copyOf(strata);
    emptySegments = List.copyOf(emptySegments);
  }

  /**
   * Builds the strata from production weights and the arm's per-segment estimates. Segments of zero
   * weight (declared but absent from the log) carry no production traffic and are left out.
   */
  public static PostStratifiedRate of(Map<String, Double> weights, Map<String, RateEstimate> bySegment) {
    List<Stratum> strata = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    weights.forEach((segment, w) -> {
      RateEstimate e = bySegment.get(segment);
      if (w <= 0) {
        return;
      }
      if (e == null || e.n() == 0) {
        empty.add(segment);
      } else {
        strata.add(new Stratum(segment, w, e.k(), e.n()));
      }
    });
    return new PostStratifiedRate(strata, empty);
  }

  /** Whether every weighted segment was measured, so the overall rate exists. */
  public boolean defined() {
    return emptySegments.isEmpty() && !strata.isEmpty();
  }

  /** Events over all strata. */
  public int events() {
    return strata.stream().mapToInt(Stratum::events).sum();
  }

  /** Graded turns over all strata. */
  public int trials() {
    return strata.stream().mapToInt(Stratum::trials).sum();
  }

  /** Two-sided Fay–Feuer estimate at {@code confidence}. */
  public StratifiedEstimate estimate(double confidence) {
    requireDefined();
    return PostStratification.estimate(strata, confidence);
  }

  /** Σ W_h k_h / n_h. */
  public double rate() {
    return estimate(0.95).rate();
  }

  /**
   * One-sided upper bound at {@code confidence}: the upper end of the two-sided interval at
   * 2·confidence − 1, whose upper tail is 1 − confidence (the same convention as the one-sided
   * Clopper–Pearson bound of {@link RateEstimate#upperBound(double)}).
   */
  public double upperBound(double confidence) {
    return estimate(2 * confidence - 1).upper();
  }

  /** "0.62% [0.30%, 1.10%] (post-stratified, Fay-Feuer 95%; a 60.0% × 3/40, b 40.0% × 0/60)". */
  public String describe() {
    if (!defined()) {
      return "undefined (no graded responses in " + String.join(", ", emptySegments) + ")";
    }
    StratifiedEstimate e = estimate(0.95);
    double total = strata.stream().mapToDouble(Stratum::weight).sum();
    String mix = strata.stream().map(s -> String.format(Locale.ROOT, "%s %.1f%% × %d/%d", s.segment(),
        100 * s.weight() / total, s.events(), s.trials())).collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "%s [%s, %s] (%s 95%%; %s)", percent(e.rate()), percent(e.lower()),
        percent(e.upper()), METHOD, mix);
  }

  private void requireDefined() {
    if (!defined()) {
      throw new IllegalStateException("Post-stratified rate is undefined: no graded responses in " + emptySegments);
    }
  }
}
