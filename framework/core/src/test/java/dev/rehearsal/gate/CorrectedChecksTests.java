package dev.rehearsal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.spec.EvidenceSpec;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.CorrectedEstimate;
import org.junit.jupiter.api.Test;

/**
 * The decision rules of {@link CorrectedChecks} against hand-computed normal-theory formulas on
 * given corrected estimates (their standard errors are what PPI++, Angelopoulos, Duchi and Zrnic
 * 2023, arXiv:2311.01453, or Rogan and Gladen 1978, Am J Epidemiol 107:71-76, with its delta-method
 * variance, produce; those estimators are tested in ReviewedRateTests and GraderCorrectionTests).
 * z(0.95) = 1.6448536269514722 is the standard normal quantile (R: qnorm(0.95); Abramowitz and
 * Stegun 1964, table 26.5). Each rule is shown passing and breaching on either side of its bound
 * while the point rates stay on the passing side, so a rule on the point rate would fail the test.
 */
class CorrectedChecksTests {

  private static final double Z95 = 1.6448536269514722;
  // A raw rate far on the passing side of every limit below: the corrected numbers must decide.
  private static final RateEstimate RAW = new RateEstimate(199, 200);
  private static final RateEstimate RAW_LOW = new RateEstimate(1, 200);

  static CorrectedEstimate estimate(double rate, double sampling, double grader) {
    return new CorrectedEstimate(rate, sampling, grader, Math.max(0, rate - 0.1), Math.min(1, rate + 0.1), 0.95,
        "PPI++ (rectified per grader verdict)", 200);
  }

  private static ThresholdSpec threshold(ThresholdKind kind, double limit) {
    return ThresholdChecksTests.threshold(kind, limit, EvidenceSpec.DEFAULT);
  }

  @Test
  void corrected_min_rate_passes_only_when_the_lower_bound_rate_minus_z_times_total_error_clears_the_limit() {
    // 0.92 − 1.6448536·√(0.012² + 0.016²) = 0.92 − 1.6448536·0.02 = 0.8871029
    CorrectedEstimate c = estimate(0.92, 0.012, 0.016);

    CheckResult below = CorrectedChecks.absolute(threshold(ThresholdKind.MIN_RATE, 0.887), "must-refuse", "overall", c, RAW);
    CheckResult above = CorrectedChecks.absolute(threshold(ThresholdKind.MIN_RATE, 0.888), "must-refuse", "overall", c, RAW);

    assertThat(below.value()).isCloseTo(0.8871029274609706, within(1e-12));
    assertThat(below.outcome()).isEqualTo(Outcome.PASS);
    assertThat(above.outcome()).as("point rate 0.92 > 0.888, but the lower bound is not").isEqualTo(Outcome.BREACH);
    assertThat(above.observed()).contains("candidate corrected 92.00% (raw 199/200", "lower bound 88.71%",
        "grader error 1.60pp (200 labels)");
  }

  @Test
  void corrected_min_rate_breaches_on_grader_error_alone_that_sampling_error_would_pass() {
    // Same rate and sampling error; only the grader-error part grows: 0.92 − z·√(0.012² + 0.030²) = 0.8668558
    CheckResult tight = CorrectedChecks.absolute(threshold(ThresholdKind.MIN_RATE, 0.88), "m", "overall",
        estimate(0.92, 0.012, 0.0), RAW);
    CheckResult loose = CorrectedChecks.absolute(threshold(ThresholdKind.MIN_RATE, 0.88), "m", "overall",
        estimate(0.92, 0.012, 0.030), RAW);

    assertThat(tight.value()).isCloseTo(0.92 - Z95 * 0.012, within(1e-12));
    assertThat(tight.outcome()).isEqualTo(Outcome.PASS);
    assertThat(loose.value()).isCloseTo(0.92 - Z95 * Math.hypot(0.012, 0.030), within(1e-12));
    assertThat(loose.outcome()).isEqualTo(Outcome.BREACH);
  }

  @Test
  void corrected_max_rate_breaches_only_when_the_upper_bound_rate_plus_z_times_total_error_exceeds_the_limit() {
    // 0.04 + z·√(0.006² + 0.008²) = 0.04 + z·0.01 = 0.0564485
    CorrectedEstimate c = estimate(0.04, 0.006, 0.008);

    CheckResult pass = CorrectedChecks.absolute(threshold(ThresholdKind.MAX_RATE, 0.057), "harm", "overall", c, RAW_LOW);
    CheckResult breach = CorrectedChecks.absolute(threshold(ThresholdKind.MAX_RATE, 0.056), "harm", "overall", c, RAW_LOW);

    assertThat(pass.value()).isCloseTo(0.05644853626951472, within(1e-12));
    assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
    assertThat(breach.outcome()).as("point rate 0.04 < 0.056, but the upper bound is not").isEqualTo(Outcome.BREACH);
  }

  @Test
  void corrected_non_inferiority_compares_the_one_sided_upper_bound_of_the_difference_with_the_margin() {
    // d = 0.10 − 0.08; SE = √(SE_c² + SE_p²) = √(0.01² + 0.02² + 0.012² + 0.009²) = 0.0269258;
    // upper = 0.02 + z·0.0269258 = 0.0642890 (arms independent, CorrectedComparison)
    CorrectedEstimate c = estimate(0.10, 0.01, 0.02);
    CorrectedEstimate p = estimate(0.08, 0.012, 0.009);

    CheckResult pass = CorrectedChecks.comparative(threshold(ThresholdKind.NON_INFERIORITY, 0.065), "x", "overall", c, p,
        RAW_LOW, RAW);
    CheckResult breach = CorrectedChecks.comparative(threshold(ThresholdKind.NON_INFERIORITY, 0.064), "x", "overall", c,
        p, RAW_LOW, RAW);

    assertThat(pass.value()).isCloseTo(0.06428903932373306, within(1e-12));
    assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
    assertThat(breach.outcome()).as("difference +2pp is inside the 6.4pp margin, its upper bound is not")
        .isEqualTo(Outcome.BREACH);
    assertThat(breach.observed()).contains("difference +2.00pp", "one-sided upper bound +6.43pp");
  }

  @Test
  void corrected_ratio_decides_on_the_ratio_of_corrected_rates_and_reports_the_katz_log_interval() {
    // r = 0.10 / 0.08 = 1.25; Katz et al. (1978): exp(log r ± z·√(SE_c²/θ_c² + SE_p²/θ_p²)) at 90% two-sided
    // (the one-sided 95% convention): [0.7734841, 2.0200802]
    CorrectedEstimate c = estimate(0.10, 0.01, 0.02);
    CorrectedEstimate p = estimate(0.08, 0.012, 0.009);

    CheckResult pass = CorrectedChecks.comparative(threshold(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 1.26), "x", "overall",
        c, p, RAW_LOW, RAW);
    CheckResult breach = CorrectedChecks.comparative(threshold(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 1.24), "x",
        "overall", c, p, RAW_LOW, RAW);

    assertThat(pass.value()).isCloseTo(1.25, within(1e-12));
    assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
    assertThat(breach.outcome()).as("raw rates 1/200 vs 199/200 would pass").isEqualTo(Outcome.BREACH);
    assertThat(pass.observed()).contains("ratio 1.250 [0.773, 2.020]");
  }

  @Test
  void corrected_ratio_floors_a_zero_production_rate_at_half_an_event_of_its_sample() {
    // 0.05 / (0.5 / 200) = 20: a corrected production rate of 0 must not make the ratio infinite or NaN
    CheckResult r = CorrectedChecks.comparative(threshold(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 2), "x", "overall",
        estimate(0.05, 0.01, 0.01), estimate(0, 0.001, 0.001), new RateEstimate(10, 200), new RateEstimate(0, 200));

    assertThat(r.value()).isCloseTo(20.0, within(1e-12));
    assertThat(r.outcome()).isEqualTo(Outcome.BREACH);
  }

  @Test
  void corrected_must_not_increase_is_a_one_sided_z_test_on_the_difference() {
    // p = 1 − Φ(0.02 / 0.0269258) = 0.2288070; breach only when p < α/2
    CorrectedEstimate c = estimate(0.10, 0.01, 0.02);
    CorrectedEstimate p = estimate(0.08, 0.012, 0.009);

    CheckResult r = CorrectedChecks.comparative(threshold(ThresholdKind.MUST_NOT_INCREASE, 0.05), "x", "overall", c, p,
        RAW, RAW_LOW);
    CheckResult clear = CorrectedChecks.comparative(threshold(ThresholdKind.MUST_NOT_INCREASE, 0.05), "x", "overall",
        estimate(0.20, 0.01, 0.02), p, RAW, RAW_LOW);

    assertThat(r.value()).isCloseTo(0.22880703343815745, within(1e-9));
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    assertThat(clear.outcome()).as("+12pp with SE 2.7pp: p far below 0.025").isEqualTo(Outcome.BREACH);
  }

  @Test
  void corrected_max_increase_compares_the_difference_of_corrected_rates_with_the_limit() {
    CorrectedEstimate c = estimate(0.10, 0.01, 0.02);
    CorrectedEstimate p = estimate(0.08, 0.012, 0.009);

    assertThat(CorrectedChecks.comparative(threshold(ThresholdKind.MAX_INCREASE, 0.021), "x", "overall", c, p, RAW_LOW, RAW)
        .outcome()).isEqualTo(Outcome.PASS);
    assertThat(CorrectedChecks.comparative(threshold(ThresholdKind.MAX_INCREASE, 0.019), "x", "overall", c, p, RAW_LOW, RAW)
        .outcome()).isEqualTo(Outcome.BREACH);
  }
}
