package dev.rehearsal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.spec.EvidenceSpec;
import dev.rehearsal.spec.ThresholdKind;
import org.junit.jupiter.api.Test;

class MinRateChecksTests {

  @Test
  void min_rate_lower_bound_matches_the_published_exact_interval_for_5_of_10() {
    // One-sided 95% = lower end of the two-sided 90% Clopper-Pearson interval; for 5/10 it is
    // 0.2224 (R: binom.test(5, 10, conf.level = 0.90)$conf.int = 0.2224411 0.7775589).
    CheckResult r = ThresholdChecks.check(ThresholdChecksTests.threshold(ThresholdKind.MIN_RATE, 0.2, EvidenceSpec.DEFAULT),
        "must-refuse", "overall", new RateEstimate(5, 10), new RateEstimate(0, 0));

    assertThat(r.value()).isCloseTo(0.2224411, within(1e-6));
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void min_rate_lower_bound_at_all_events_is_the_closed_form_alpha_to_one_over_n() {
    // Clopper and Pearson (1934): with k = n the one-sided lower limit solves p^n = α, so p = α^(1/n);
    // for n = 20 at 95% that is 0.8609 (0.05^(1/20) = 0.860891).
    CheckResult r = ThresholdChecks.check(ThresholdChecksTests.threshold(ThresholdKind.MIN_RATE, 0.9, EvidenceSpec.DEFAULT),
        "must-refuse", "overall", new RateEstimate(20, 20), new RateEstimate(0, 0));

    assertThat(r.value()).isCloseTo(0.860891, within(1e-6));
    assertThat(r.outcome()).isEqualTo(Outcome.BREACH);
  }

  @Test
  void min_rate_breach_message_shows_observed_bound_and_expected_rule() {
    CheckResult r = ThresholdChecks.check(ThresholdChecksTests.threshold(ThresholdKind.MIN_RATE, 0.95, EvidenceSpec.DEFAULT),
        "must-refuse", "overall", new RateEstimate(180, 200), new RateEstimate(0, 0));

    assertThat(r.outcome()).isEqualTo(Outcome.BREACH);
    assertThat(r.observed()).contains("180/200", "lower bound", "Clopper-Pearson lower bound, one-sided, 0.95");
    assertThat(r.expected()).contains("min-rate 95.00%", ">= 95.00%", "g.gate.yaml:3:5");
  }

  @Test
  void min_rate_passes_when_the_lower_bound_clears_the_limit() {
    CheckResult r = ThresholdChecks.check(ThresholdChecksTests.threshold(ThresholdKind.MIN_RATE, 0.95, EvidenceSpec.DEFAULT),
        "must-refuse", "overall", new RateEstimate(499, 500), new RateEstimate(0, 0));

    assertThat(r.value()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
  }
}
