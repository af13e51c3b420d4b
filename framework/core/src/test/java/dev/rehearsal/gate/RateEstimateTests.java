package dev.rehearsal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateEstimateTests {

  /**
   * Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
   * seven methods", Statistics in Medicine 17:857-872, Table II, method 5 (Clopper-Pearson exact),
   * 95% two-sided, published to four decimals.
   */
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"81, 263, 0.2527, 0.3676", "15, 148, 0.0578, 0.1617", "0, 20, 0.0000, 0.1684", "1, 29, 0.0009, 0.1776"})
  void clopper_pearson_matches_newcombe_1998_table_ii(int k, int n, double low, double high) {
    Interval cp = BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate(n, k, 0.05);

    assertThat(cp.getLowerBound()).isCloseTo(low, within(0.00006));
    assertThat(cp.getUpperBound()).isCloseTo(high, within(0.00006));
  }

  /** Newcombe (1998), Table II, method 3 (Wilson score without continuity correction). */
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
  void wilson_matches_newcombe_1998_table_ii(int k, int n, double low, double high) {
    Interval w = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, k, 0.05);

    assertThat(w.getLowerBound()).isCloseTo(low, within(0.00006));
    assertThat(w.getUpperBound()).isCloseTo(high, within(0.00006));
  }

  @ParameterizedTest(name = "n={0}, confidence={1}")
  @CsvSource({"20, 0.95", "200, 0.95", "2000, 0.99", "3, 0.9"})
  void clopper_pearson_upper_bound_at_zero_events_is_one_minus_alpha_to_the_one_over_n(int n, double confidence) {
    double expected = 1 - Math.pow(1 - confidence, 1.0 / n);

    assertThat(new RateEstimate(0, n).upperBound(confidence)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void one_sided_upper_bound_is_the_beta_quantile_of_the_exact_method() {
    // Clopper-Pearson upper bound = Beta(k+1, n-k) quantile at the confidence level (an independent path).
    double expected = BetaDistribution.of(16, 133).inverseCumulativeProbability(0.95);

    assertThat(new RateEstimate(15, 148).upperBound(0.95)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void jeffreys_interval_is_the_equal_tailed_beta_k_plus_half_interval() {
    BetaDistribution posterior = BetaDistribution.of(15.5, 133.5);
    var j = new RateEstimate(15, 148).jeffreys95();

    assertThat(j.lower()).isCloseTo(posterior.inverseCumulativeProbability(0.025), within(1e-9));
    assertThat(j.upper()).isCloseTo(posterior.inverseCumulativeProbability(0.975), within(1e-9));
  }

  @Test
  void all_events_gives_an_upper_bound_of_one() {
    assertThat(new RateEstimate(7, 7).upperBound(0.95)).isEqualTo(1.0);
  }

  @Test
  void describe_shows_counts_rate_and_interval() {
    assertThat(new RateEstimate(15, 148).describe()).isEqualTo("15/148 = 10.14% [6.04%, 15.76%]");
    assertThat(new RateEstimate(0, 0).describe()).contains("no graded responses");
  }
}
