package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class PostStratificationTests {

  @Test
  void weights_the_segment_rates_by_production_mix_not_by_sample_size() {
    // Sample over-represents the risky segment: pooled 60/2000 = 3%, production mix gives 1.2%.
    List<Stratum> strata = List.of(new Stratum("consumer", 0.9, 10, 1000), new Stratum("minors", 0.1, 50, 1000));

    StratifiedEstimate estimate = PostStratification.estimate(strata, 0.95);

    assertThat(estimate.rate()).isCloseTo(0.9 * 0.01 + 0.1 * 0.05, within(1e-15));
    double variance = 0.81 * 0.01 * 0.99 / 1000 + 0.01 * 0.05 * 0.95 / 1000;
    assertThat(estimate.standardError()).isCloseTo(Math.sqrt(variance), within(1e-15));
    assertThat(estimate.lower()).isLessThan(estimate.rate());
    assertThat(estimate.upper()).isGreaterThan(estimate.rate()).isLessThan(0.03);
  }

  /**
   * With a single stratum, Fay–Feuer reduces to the exact Poisson (Garwood 1936) limits
   * χ²(α/2; 2k)/(2n) and χ²(1−α/2; 2k+2)/(2n), computed here directly from the chi-square
   * distribution.
   */
  @Test
  void fay_feuer_with_one_stratum_is_the_exact_poisson_interval() {
    StratifiedEstimate estimate = PostStratification.estimate(List.of(new Stratum("all", 1, 4, 5000)), 0.95);

    assertThat(estimate.lower()).isCloseTo(ChiSquaredDistribution.of(8).inverseCumulativeProbability(0.025) / 10000, within(1e-12));
    assertThat(estimate.upper()).isCloseTo(ChiSquaredDistribution.of(10).inverseCumulativeProbability(0.975) / 10000, within(1e-12));
  }

  /** At zero events the upper limit is −ln(α/2)·max(W_h/n_h): the thinnest heavy segment decides. */
  @Test
  void fay_feuer_at_zero_events_is_set_by_the_largest_weight_per_sampled_turn() {
    List<Stratum> strata = List.of(new Stratum("a", 0.5, 0, 4000), new Stratum("b", 0.5, 0, 500));

    StratifiedEstimate estimate = PostStratification.estimate(strata, 0.95);

    assertThat(estimate.lower()).isZero();
    assertThat(estimate.upper()).isCloseTo(-Math.log(0.025) * 0.5 / 500, within(1e-12));
  }

  /** With a single stratum, Korn–Graubard is the Clopper–Pearson interval. */
  @Test
  void korn_graubard_with_one_stratum_is_clopper_pearson() {
    StratifiedEstimate estimate =
        PostStratification.estimate(List.of(new Stratum("all", 1, 7, 3000)), 0.9, StratifiedMethod.KORN_GRAUBARD);
    RateInterval exact = Proportions.interval(7, 3000, 0.9, IntervalMethod.CLOPPER_PEARSON);

    assertThat(estimate.effectiveSampleSize()).isCloseTo(3000, within(1e-6));
    assertThat(estimate.lower()).isCloseTo(exact.lower(), within(1e-9));
    assertThat(estimate.upper()).isCloseTo(exact.upper(), within(1e-9));
  }

  @Test
  void unequal_weights_shrink_the_effective_sample_size() {
    List<Stratum> strata = List.of(new Stratum("a", 0.98, 20, 1000), new Stratum("b", 0.02, 20, 1000));

    StratifiedEstimate estimate = PostStratification.estimate(strata, 0.95, StratifiedMethod.KORN_GRAUBARD);

    assertThat(estimate.effectiveSampleSize()).isLessThan(2000).isGreaterThan(900);
  }
}
