package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.junit.jupiter.api.Test;

class SamplePlannerTests {

  @Test
  void plans_the_exact_size_to_show_half_a_percent_when_the_true_rate_is_a_tenth() {
    SamplePlan plan = SamplePlanner.forMaximumRate(0.005, 0.001, 0.95, 0.8);

    assertThat(plan.power()).isGreaterThanOrEqualTo(0.8);
    assertThat(plan.maximumEvents()).isEqualTo(2);
    assertThat(Proportions.upperBound(2, plan.samples(), 0.95)).isLessThan(0.005);
    assertThat(Proportions.upperBound(2, plan.samples() - 1, 0.95)).isGreaterThanOrEqualTo(0.005);
  }

  /**
   * Simulation with known ground truth (the benchmark runs a larger one): 4,000 seeded Bernoulli(0.1%)
   * streams, common to every n; at each n the gate passes when the one-sided 95% Clopper–Pearson
   * bound from Commons Statistics (two-sided at 90%) is below 0.5%. The smallest n with simulated
   * power ≥ 80% must be within 5% of the planned n.
   */
  @Test
  void planned_size_matches_simulation_within_five_percent() {
    int planned = SamplePlanner.forMaximumRate(0.005, 0.001, 0.95, 0.8).samples();
    int[][] eventPositions = simulateEventPositions(4000, 0.001, 3000, new SplittableRandom(42));

    int simulated = -1;
    for (int n = 600; n <= 3000 && simulated < 0; n++) {
      if (simulatedPower(eventPositions, n, referencePassingEvents(n)) >= 0.8) {
        simulated = n;
      }
    }

    assertThat(Math.abs(simulated - planned) / (double) planned).isLessThanOrEqualTo(0.05);
    assertThat(simulatedPower(eventPositions, planned, referencePassingEvents(planned))).isCloseTo(0.8667, within(0.03));
  }

  @Test
  void ratio_plans_at_rare_rates_need_tens_of_thousands_per_arm() {
    SamplePlan plan = SamplePlanner.forRatio(0.002, 0.002, 1.5, 0.95, 0.8);

    // By hand: (1.6449 + 0.8416)² · 2 · 0.998/0.002 / ln(1.5)² = 37,532.
    assertThat(plan.samples()).isCloseTo(37_532, within(2));
  }

  @Test
  void refuses_a_plan_that_cannot_succeed() {
    assertThatThrownBy(() -> SamplePlanner.forMaximumRate(0.005, 0.006, 0.95, 0.8))
        .hasMessageContaining("True rate is not below the maximum rate 0.005");
  }

  private static int referencePassingEvents(int n) {
    int k = -1;
    while (BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate(n, k + 1, 0.1).getUpperBound() < 0.005) {
      k++;
    }
    return k;
  }

  private static double simulatedPower(int[][] eventPositions, int n, int passingEvents) {
    int passes = 0;
    for (int[] positions : eventPositions) {
      int events = Arrays.binarySearch(positions, n + 1);
      events = events >= 0 ? events : -events - 1;
      passes += events <= passingEvents ? 1 : 0;
    }
    return passes / (double) eventPositions.length;
  }

  /** 1-based trial indices of events, drawn with geometric gaps. */
  private static int[][] simulateEventPositions(int reps, double rate, int maxTrials, SplittableRandom random) {
    int[][] result = new int[reps][];
    for (int r = 0; r < reps; r++) {
      int[] positions = new int[16];
      int count = 0;
      long position = 0;
      while (true) {
        position += 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / Math.log1p(-rate));
        if (position > maxTrials) {
          break;
        }
        if (count == positions.length) {
          positions = Arrays.copyOf(positions, count * 2);
        }
        positions[count++] = (int) position;
      }
      result[r] = Arrays.copyOf(positions, count);
    }
    return result;
  }
}
