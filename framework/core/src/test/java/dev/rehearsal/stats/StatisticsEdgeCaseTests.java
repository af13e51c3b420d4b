package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Issue 12, "Smaller": statistics edge cases that were accepted or overflowed. */
class StatisticsEdgeCaseTests {

  private static final double Z = 1.959963984540054;

  /**
   * Wilson (1927) score limits and Newcombe (1998, Stat Med 17:857, method 4) continuity-corrected
   * limits written out in double arithmetic; at n = 2^30 the old int {@code 2 * n} wrapped to -2^31.
   */
  @Test
  void item12_wilson_limits_stay_correct_for_n_at_least_2_to_the_30() {
    int n = 1 << 30;
    int k = 1 << 29;
    double dn = n;
    double p = 0.5;
    double z2 = Z * Z;
    double centre = p + z2 / (2 * dn);
    double half = Z * Math.sqrt(p * (1 - p) / dn + z2 / (4 * dn * dn));
    double lowerCc = (2 * dn * p + z2 - 1 - Z * Math.sqrt(z2 - 2 - 1 / dn + 4 * p * (dn * (1 - p) + 1)))
        / (2 * (dn + z2));

    assertThat(WilsonSupport.lower(k, n, Z)).isCloseTo((centre - half) / (1 + z2 / dn), within(1e-12));
    assertThat(WilsonSupport.upper(k, n, Z)).isCloseTo((centre + half) / (1 + z2 / dn), within(1e-12));
    assertThat(WilsonSupport.lowerCorrected(k, n, Z)).isCloseTo(lowerCc, within(1e-12));
    assertThat(DifferenceMethod.NEWCOMBE_HYBRID_SCORE.limits(k, n, k, n, Z)[0]).isBetween(-1e-4, 0.0);
  }

  @Test
  void item12_sequential_gate_rejects_more_events_than_trials() {
    SequentialGate gate = SequentialGate.of(0.01, 0.95, 1000);

    assertThatThrownBy(() -> gate.observe(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Number of events is not in [0, number of trials 0]: 1");
  }

  @Test
  void item12_confidence_sequence_rejects_negative_trials_instead_of_returning_zero() {
    ConfidenceSequence sequence = ConfidenceSequence.of(0.05, 1, 99);

    assertThatThrownBy(() -> sequence.lower(0, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Number of trials is negative: -3");
    assertThatThrownBy(() -> sequence.upper(0, -3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(sequence.lower(0, 0)).isZero();
  }
}
