package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProportionsTests {

  /** Published limits are rounded to four decimals. */
  private static final double FOUR_DECIMALS = 0.00006;

  /**
   * Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
   * seven methods", Stat Med 17:857-872, Table I, 95% limits for methods 3 (Wilson score), 4
   * (score with continuity correction), 5 (Clopper–Pearson exact) and 6 (mid-p). The 0/20 limits
   * are also closed forms (Wilson (z²/(n+z²)), Clopper–Pearson 1 − 0.025^(1/20), mid-p
   * 1 − 0.05^(1/20)), which the table matches.
   */
  @ParameterizedTest(name = "{0}/{1} {2}: [{3}, {4}]")
  @CsvSource({
    "81, 263, WILSON, 0.2553, 0.3662",
    "81, 263, WILSON_CONTINUITY_CORRECTED, 0.2535, 0.3682",
    "81, 263, CLOPPER_PEARSON, 0.2527, 0.3676",
    "81, 263, MID_P, 0.2544, 0.3658",
    "15, 148, WILSON, 0.0624, 0.1605",
    "15, 148, WILSON_CONTINUITY_CORRECTED, 0.0598, 0.1644",
    "15, 148, CLOPPER_PEARSON, 0.0578, 0.1617",
    "15, 148, MID_P, 0.0601, 0.1581",
    "0, 20, WILSON, 0.0000, 0.1611",
    "0, 20, WILSON_CONTINUITY_CORRECTED, 0.0000, 0.2005",
    "0, 20, CLOPPER_PEARSON, 0.0000, 0.1684",
    "0, 20, MID_P, 0.0000, 0.1391",
    "1, 29, WILSON, 0.0061, 0.1718",
    "1, 29, WILSON_CONTINUITY_CORRECTED, 0.0018, 0.1963",
    "1, 29, CLOPPER_PEARSON, 0.0009, 0.1776",
    "1, 29, MID_P, 0.0017, 0.1585",
  })
  void matches_newcombe_1998_table_one(int k, int n, IntervalMethod method, double lower, double upper) {
    RateInterval interval = Proportions.interval(k, n, 0.95, method);

    assertThat(interval.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
    assertThat(interval.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
  }

  /**
   * Cross-check against an independent implementation: Apache Commons Statistics 1.2
   * BinomialConfidenceInterval (its own tests cite R's binom package).
   */
  @ParameterizedTest(name = "{0}/{1} {2}")
  @CsvSource({
    "0, 20, CLOPPER_PEARSON, CLOPPER_PEARSON",
    "7, 1000, CLOPPER_PEARSON, CLOPPER_PEARSON",
    "20, 20, CLOPPER_PEARSON, CLOPPER_PEARSON",
    "3, 40000, JEFFREYS, JEFFREYS",
    "81, 263, JEFFREYS, JEFFREYS",
    "12, 345, WILSON, WILSON_SCORE",
    "0, 7, AGRESTI_COULL, AGRESTI_COULL",
    "5, 9, AGRESTI_COULL, AGRESTI_COULL",
  })
  void agrees_with_commons_statistics(int k, int n, IntervalMethod method, BinomialConfidenceInterval reference) {
    Interval expected = reference.fromErrorRate(n, k, 0.05);

    RateInterval actual = Proportions.interval(k, n, 0.95, method);

    assertThat(actual.lower()).isCloseTo(expected.getLowerBound(), within(1e-9));
    assertThat(actual.upper()).isCloseTo(expected.getUpperBound(), within(1e-9));
  }

  @ParameterizedTest(name = "0/{0}")
  @CsvSource({"1", "20", "200", "3000", "20000"})
  void clopper_pearson_upper_bound_at_zero_events_is_one_minus_alpha_to_the_one_over_n(int n) {
    double bound = Proportions.upperBound(0, n, 0.95, IntervalMethod.CLOPPER_PEARSON);

    assertThat(bound).isCloseTo(1 - Math.pow(0.05, 1.0 / n), within(1e-12));
  }

  /** The defining equation of the one-sided exact bound: P(X ≤ k | n, upper) = α. */
  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"1, 500", "4, 1200", "30, 2000"})
  void clopper_pearson_upper_bound_solves_its_defining_equation(int k, int n) {
    double bound = Proportions.upperBound(k, n, 0.95);

    assertThat(BinomialDistribution.of(n, bound).cumulativeProbability(k)).isCloseTo(0.05, within(1e-9));
  }

  /** Mid-p limits solve P(X &lt; k) + ½P(X = k) = α/2 and its mirror (Newcombe 1998, method 6). */
  @Test
  void mid_p_limits_solve_their_defining_equations() {
    RateInterval interval = Proportions.interval(7, 90, 0.9, IntervalMethod.MID_P);

    BinomialDistribution atLower = BinomialDistribution.of(90, interval.lower());
    BinomialDistribution atUpper = BinomialDistribution.of(90, interval.upper());
    assertThat(atLower.survivalProbability(7) + 0.5 * atLower.probability(7)).isCloseTo(0.05, within(1e-9));
    assertThat(atUpper.cumulativeProbability(6) + 0.5 * atUpper.probability(7)).isCloseTo(0.05, within(1e-9));
  }

  @Test
  void every_method_gives_ordered_limits_that_contain_the_estimate() {
    for (IntervalMethod method : IntervalMethod.values()) {
      for (int k : new int[] {0, 1, 5, 50}) {
        RateInterval interval = Proportions.interval(k, 50, 0.95, method);
        assertThat(interval.contains(k / 50.0)).as("%s %d/50", method, k).isTrue();
        assertThat(Proportions.upperBound(k, 50, 0.95, method)).isLessThanOrEqualTo(interval.upper());
      }
    }
  }

  @Test
  void rejects_impossible_counts_naming_the_rule_and_value() {
    assertThatThrownBy(() -> Proportions.interval(0, 0, 0.95))
        .hasMessage("Number of trials is not strictly positive: 0");
    assertThatThrownBy(() -> Proportions.upperBound(6, 5, 0.95))
        .hasMessage("Number of events is not in [0, number of trials 5]: 6");
    assertThatThrownBy(() -> Proportions.upperBound(1, 5, 95))
        .hasMessage("Confidence is not in the open interval (0, 1): 95.0");
  }
}
