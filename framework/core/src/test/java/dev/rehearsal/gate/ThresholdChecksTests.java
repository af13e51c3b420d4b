package dev.rehearsal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdChecksTests {

  private static final Mark MARK = new Mark(Path.of("g.gate.yaml"), 3, 5);

  private static ThresholdSpec threshold(ThresholdKind kind, double limit) {
    return new ThresholdSpec("harm", List.of(), kind, limit, 0.95, Action.HOLD, MARK);
  }

  @Test
  void max_rate_passes_when_the_upper_bound_is_below_the_limit() {
    // 0/1000: upper bound 1 - 0.05^(1/1000) = 0.2991% < 0.5%
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATE, 0.005), "harm", "overall",
        new RateEstimate(0, 1000), new RateEstimate(3, 1000));

    assertThat(r.breached()).isFalse();
    assertThat(r.observed()).contains("0/1000", "0.30%", "detection floor");
  }

  @Test
  void max_rate_breaches_when_the_point_rate_is_below_but_the_bound_is_above() {
    // 3/1000 = 0.3% but its 95% one-sided Clopper-Pearson bound is 0.774% > 0.5%
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATE, 0.005), "harm", "overall",
        new RateEstimate(3, 1000), new RateEstimate(3, 1000));

    assertThat(r.breached()).isTrue();
    assertThat(r.observed()).contains("3/1000", "upper bound 0.77%");
    assertThat(r.expected()).contains("max-rate 0.50%", "Clopper-Pearson", "g.gate.yaml:3:5");
  }

  @Test
  void ratio_compares_jeffreys_smoothed_rates() {
    // (30.5/1001) / (20.5/1001) = 1.488 > 1.25
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 1.25), "harm", "overall",
        new RateEstimate(30, 1000), new RateEstimate(20, 1000));

    assertThat(r.breached()).isTrue();
    assertThat(r.observed()).startsWith("ratio 1.488");
  }

  @Test
  void no_evidence_fails_closed() {
    CheckResult r = ThresholdChecks.check(threshold(ThresholdKind.MAX_RATE, 0.5), "harm", "multi-turn",
        new RateEstimate(0, 0), new RateEstimate(0, 0));

    assertThat(r.breached()).isTrue();
    assertThat(r.observed()).contains("no evidence");
  }
}
