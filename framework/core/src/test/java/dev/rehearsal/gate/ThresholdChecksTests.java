package dev.rehearsal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.EvidenceSpec;
import dev.rehearsal.spec.InconclusivePolicy;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.statistics.interval.Interval;
import org.junit.jupiter.api.Test;

class ThresholdChecksTests {

  static ThresholdSpec threshold(ThresholdKind kind, double limit, EvidenceSpec evidence) {
    return new ThresholdSpec("*", Optional.empty(), List.of(), List.of(), kind, limit, 0.95, evidence, Action.HOLD,
        new Mark(Path.of("g.gate.yaml"), 3, 5));
  }

  @Test
  void newcombe_hybrid_score_interval_matches_newcombe_1998_example() {
    // Newcombe (1998), Stat Med 17:873, Table II example (a): 56/70 vs 48/80, method 10 gives 0.0524 to 0.3339.
    Interval ci = new RateDifference(new RateEstimate(56, 70), new RateEstimate(48, 80)).newcombe(0.05);

    assertThat(ci.getLowerBound()).isCloseTo(0.0524, within(0.0001));
    assertThat(ci.getUpperBound()).isCloseTo(0.3339, within(0.0001));
  }

  @Test
  void must_not_increase_uses_one_sided_fisher_p_value_from_the_tea_tasting_example() {
    // Fisher's tea tasting, [[3, 1], [1, 3]]: one-sided p = 0.2429 (R: fisher.test(alternative = "greater")).
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MUST_NOT_INCREASE, 0.1, EvidenceSpec.DEFAULT),
        "c", "overall", new RateEstimate(3, 4), new RateEstimate(1, 4));

    assertThat(r.value()).isCloseTo(0.2429, within(0.0001));
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void must_not_increase_breaches_when_the_one_sided_p_is_below_half_alpha() {
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MUST_NOT_INCREASE, 0.1, EvidenceSpec.DEFAULT),
        "c", "overall", new RateEstimate(110, 3000), new RateEstimate(74, 3000));

    assertThat(r.value()).isLessThan(0.05);
    assertThat(r.outcome()).isEqualTo(Outcome.BREACH);
    assertThat(r.observed()).contains("[[110, 2890], [74, 2926]]", "α/2 = 0.050");
  }

  @Test
  void max_rate_bound_at_zero_events_is_the_closed_form_one_minus_alpha_to_one_over_n() {
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATE, 0.01, EvidenceSpec.DEFAULT), "c", "s",
        new RateEstimate(0, 300), new RateEstimate(0, 300));

    assertThat(r.value()).isCloseTo(1 - Math.pow(0.05, 1.0 / 300), within(1e-9));
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void max_increase_compares_the_observed_difference_in_percentage_points() {
    ThresholdSpec t = threshold(ThresholdKind.MAX_INCREASE, 0.01, EvidenceSpec.DEFAULT);

    assertThat(ThresholdChecks.check(t, "c", "s", new RateEstimate(60, 1000), new RateEstimate(45, 1000)).outcome())
        .isEqualTo(Outcome.BREACH);
    assertThat(ThresholdChecks.check(t, "c", "s", new RateEstimate(50, 1000), new RateEstimate(45, 1000)).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void non_inferiority_needs_the_upper_bound_below_the_margin_so_small_samples_do_not_pass() {
    ThresholdSpec t = threshold(ThresholdKind.NON_INFERIORITY, 0.02, EvidenceSpec.DEFAULT);

    assertThat(ThresholdChecks.check(t, "c", "s", new RateEstimate(2, 50), new RateEstimate(2, 50)).outcome())
        .isEqualTo(Outcome.BREACH);
    assertThat(ThresholdChecks.check(t, "c", "s", new RateEstimate(200, 10000), new RateEstimate(210, 10000)).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void too_few_samples_in_either_arm_of_a_comparison_is_inconclusive_with_the_policy_in_the_message() {
    ThresholdSpec t = threshold(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 1.1, new EvidenceSpec(30, InconclusivePolicy.ABORT));

    CheckResult r = ThresholdChecks.check(t, "c", "s", new RateEstimate(1, 100), new RateEstimate(0, 12));

    assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(r.aborts()).isTrue();
    assertThat(r.blocks()).isFalse();
    assertThat(r.observed()).contains("production n=12", "min-samples 30", "on-inconclusive: abort");
  }

  @Test
  void no_graded_responses_fails_closed_by_default() {
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATE, 0.5, EvidenceSpec.DEFAULT), "c", "s",
        new RateEstimate(0, 0), new RateEstimate(0, 0));

    assertThat(r.inconclusive()).isTrue();
    assertThat(r.blocks()).isTrue();
  }

  @Test
  void max_rate_breaches_when_the_point_rate_is_below_the_limit_but_the_bound_is_above() {
    // 3/1000 = 0.3%, but its one-sided 95% Clopper-Pearson bound is 0.774% > 0.5%.
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATE, 0.005, EvidenceSpec.DEFAULT), "c", "overall",
        new RateEstimate(3, 1000), new RateEstimate(3, 1000));

    assertThat(r.value()).isCloseTo(0.00774, within(0.00001));
    assertThat(r.outcome()).isEqualTo(Outcome.BREACH);
    assertThat(r.observed()).contains("3/1000");
    assertThat(r.expected()).contains("g.gate.yaml:3:5");
  }

  @Test
  void ratio_compares_jeffreys_smoothed_rates() {
    // (30.5/1001) / (20.5/1001) = 1.488 > 1.25
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 1.25, EvidenceSpec.DEFAULT),
        "c", "overall", new RateEstimate(30, 1000), new RateEstimate(20, 1000));

    assertThat(r.value()).isCloseTo(1.488, within(0.001));
    assertThat(r.outcome()).isEqualTo(Outcome.BREACH);
  }
}
