package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** Summary of the coverage benchmark (stats-coverage), small enough for the test run. */
class CoverageTests {

  private static final double[] RATES = {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05};
  private static final int[] SIZES = {200, 1000, 5000, 20_000};

  /**
   * Exact coverage Σ_k P(K = k)·1[bound(k) ≥ p] of the one-sided 95% Clopper–Pearson upper bound:
   * the bound rises with k, so coverage is P(K ≥ k*) for the smallest k* whose bound reaches p.
   */
  @Test
  void clopper_pearson_upper_bound_covers_at_least_95_percent_from_0_01_to_5_percent() {
    for (double p : RATES) {
      for (int n : SIZES) {
        int k = 0;
        while (Proportions.upperBound(k, n, 0.95) < p) {
          k++;
        }
        double coverage = k == 0 ? 1 : BinomialDistribution.of(n, p).survivalProbability(k - 1);
        assertThat(coverage).as("p=%s n=%d", p, n).isGreaterThanOrEqualTo(0.95);
      }
    }
  }

  /** Seeded simulation, 400 draws per cell: generous bound for simulation noise (SE ≈ 1.1%). */
  @Test
  void simulated_coverage_of_the_gate_bound_is_near_or_above_nominal() {
    SplittableRandom random = new SplittableRandom(11);
    for (double p : new double[] {0.001, 0.01, 0.05}) {
      int n = 2000;
      int covered = 0;
      for (int r = 0; r < 400; r++) {
        int k = 0;
        for (int i = 0; i < n; i++) {
          k += random.nextDouble() < p ? 1 : 0;
        }
        covered += Proportions.upperBound(k, n, 0.95) >= p ? 1 : 0;
      }
      assertThat(covered / 400.0).as("p=%s", p).isGreaterThanOrEqualTo(0.92);
    }
  }
}
