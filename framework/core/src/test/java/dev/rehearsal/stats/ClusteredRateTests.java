package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClusteredRateTests {

  /** One turn per conversation: the sandwich variance is p̂(1−p̂)/(G−1), design effect G/(G−1). */
  @Test
  void singleton_conversations_have_a_design_effect_of_g_over_g_minus_one() {
    int[] events = new int[100];
    int[] turns = new int[100];
    Arrays.fill(turns, 1);
    Arrays.fill(events, 0, 10, 1);

    ClusteredRate rate = ClusteredRate.of(events, turns, 0.95);

    assertThat(rate.rate()).isCloseTo(0.1, within(1e-15));
    assertThat(rate.designEffect()).isCloseTo(100 / 99.0, within(1e-12));
    assertThat(rate.standardError()).isCloseTo(Math.sqrt(0.09 / 99), within(1e-12));
  }

  /** Five identical turns per conversation carry the information of one: design effect ≈ 5. */
  @Test
  void perfectly_correlated_turns_shrink_the_effective_sample_size() {
    int[] events = new int[200];
    int[] turns = new int[200];
    Arrays.fill(turns, 5);
    Arrays.fill(events, 0, 20, 5);

    ClusteredRate rate = ClusteredRate.of(events, turns, 0.95);

    assertThat(rate.designEffect()).isCloseTo(5 * 200 / 199.0, within(1e-9));
    assertThat(rate.effectiveSampleSize()).isCloseTo(199, within(1e-6));
    assertThat(rate.interval().width()).isGreaterThan(Proportions.interval(100, 1000, 0.95, IntervalMethod.CLOPPER_PEARSON).width());
  }
}
