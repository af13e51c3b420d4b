package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.stats.SequentialGate.Decision;
import dev.rehearsal.stats.SequentialGate.Fallback;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

class SequentialGateTests {

  /**
   * Closed form, independent of the root finder: with a Beta(1, b) prior and zero events,
   * B(1, b + t)/B(1, b) = b/(b + t), so M_t(p) = 1/α solves to p = 1 − (α·b/(b + t))^(1/t)
   * (Howard et al. 2021, section 3.2, beta-binomial mixture evaluated by hand).
   */
  @Test
  void upper_limit_at_zero_events_matches_the_closed_form_of_the_beta_binomial_mixture() {
    ConfidenceSequence sequence = ConfidenceSequence.of(0.05, 1, 199);

    for (int t : new int[] {10, 300, 5000}) {
      double expected = 1 - Math.pow(0.05 * 199 / (199.0 + t), 1.0 / t);
      assertThat(sequence.upper(0, t)).isCloseTo(expected, within(1e-12));
    }
  }

  /**
   * The limits solve M_t(p) = 1/α where M_t is computed here by numerical integration of the
   * mixture ∫ (q/p)^s ((1−q)/(1−p))^(t−s) dBeta(q; 2, 98) (Simpson's rule on the prior's quantile
   * scale), not by the log-beta closed form used in production code.
   */
  @Test
  void limits_solve_the_mixture_martingale_equation_by_numerical_integration() {
    ConfidenceSequence sequence = ConfidenceSequence.of(0.1, 2, 98);

    double upper = sequence.upper(7, 400);
    double lower = sequence.lower(7, 400);

    assertThat(integratedMartingale(7, 400, upper, 2, 98)).isCloseTo(10, within(1e-3));
    assertThat(integratedMartingale(7, 400, lower, 2, 98)).isCloseTo(10, within(1e-3));
    assertThat(lower).isLessThan(7 / 400.0);
    assertThat(upper).isGreaterThan(7 / 400.0);
  }

  @Test
  void confidence_sequence_is_wider_than_the_fixed_sample_interval() {
    ConfidenceSequence sequence = ConfidenceSequence.of(0.05, 1, 199);

    assertThat(sequence.upper(3, 2000)).isGreaterThan(Proportions.upperBound(3, 2000, 0.95));
  }

  @Test
  void passes_once_the_upper_limit_falls_below_the_maximum() {
    SequentialGate gate = SequentialGate.of(0.01, 0.95, 100_000);

    Decision first = gate.observe(0, 100);
    Decision later = Decision.CONTINUE;
    while (later == Decision.CONTINUE) {
      later = gate.observe(0, 100);
    }

    assertThat(first).isEqualTo(Decision.CONTINUE);
    assertThat(later).isEqualTo(Decision.PASS);
    assertThat(gate.upper()).isLessThan(0.01);
    assertThat(gate.trials()).isBetween(300, 1000);
  }

  @Test
  void breaches_when_the_lower_limit_rises_above_the_maximum() {
    SequentialGate gate = SequentialGate.of(0.01, 0.95, 100_000);

    Decision decision = gate.observe(10, 100);

    assertThat(decision).isEqualTo(Decision.BREACH);
    assertThat(gate.lower()).isGreaterThan(0.01);
    assertThat(gate.observe(0, 100)).isEqualTo(Decision.BREACH);
    assertThat(gate.trials()).isEqualTo(100);
  }

  @Test
  void rate_at_the_threshold_reaches_the_cap_and_the_stated_fallback_blocks() {
    SequentialGate gate = SequentialGate.of(0.01, 0.95, 2000);

    Decision decision = Decision.CONTINUE;
    while (decision == Decision.CONTINUE) {
      decision = gate.observe(1, 100);
    }

    assertThat(decision).isEqualTo(Decision.CAP_REACHED);
    assertThat(gate.fallback(Fallback.BLOCK)).isEqualTo(Decision.BREACH);
    assertThat(gate.fallback(Fallback.FIXED_SAMPLE)).isEqualTo(Decision.BREACH);
  }

  /** Small seeded simulation; the benchmark runs the full comparison with the fixed design. */
  @Test
  void stops_early_far_from_the_threshold_with_few_errors() {
    SplittableRandom random = new SplittableRandom(7);
    int wrongPasses = 0;
    int wrongBlocks = 0;
    long lowTrials = 0;
    for (int r = 0; r < 100; r++) {
      SequentialGate low = run(0.002, random);
      SequentialGate high = run(0.03, random);
      wrongBlocks += low.fallback(Fallback.BLOCK) == Decision.BREACH ? 1 : 0;
      wrongPasses += high.fallback(Fallback.BLOCK) == Decision.PASS ? 1 : 0;
      lowTrials += low.trials();
    }
    assertThat(wrongPasses).isLessThanOrEqualTo(5);
    assertThat(wrongBlocks).isLessThanOrEqualTo(5);
    assertThat(lowTrials / 100.0).isLessThan(5000);
  }

  private static SequentialGate run(double rate, SplittableRandom random) {
    SequentialGate gate = SequentialGate.of(0.01, 0.95, 20_000);
    Decision decision = Decision.CONTINUE;
    while (decision == Decision.CONTINUE) {
      int k = 0;
      for (int i = 0; i < 100; i++) {
        k += random.nextDouble() < rate ? 1 : 0;
      }
      decision = gate.observe(k, 100);
    }
    return gate;
  }

  private static double integratedMartingale(int s, int t, double p, double a, double b) {
    BetaDistribution prior = BetaDistribution.of(a, b);
    int steps = 20_000;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double u = Math.min(1 - 1e-12, Math.max(1e-12, (double) i / steps));
      double q = prior.inverseCumulativeProbability(u);
      double ratio = Math.exp(s * Math.log(q / p) + (t - s) * Math.log((1 - q) / (1 - p)));
      sum += (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)) * ratio;
    }
    return sum / (3.0 * steps);
  }
}
