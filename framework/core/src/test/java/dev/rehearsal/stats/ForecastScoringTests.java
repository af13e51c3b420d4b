package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastScoringTests {

  /** By hand: −log(C(10,2) · 0.1² · 0.9⁸) = −log(45 · 0.01 · 0.43046721). */
  @Test
  void binomial_nll_is_the_negative_log_probability_of_the_realized_count() {
    assertThat(ForecastScoring.binomialNll(2, 10, 0.1)).isCloseTo(-Math.log(45 * 0.01 * Math.pow(0.9, 8)), within(1e-12));
  }

  @Test
  void nll_regret_is_zero_at_the_realized_rate_and_positive_elsewhere() {
    assertThat(ForecastScoring.nllRegret(3, 1000, 0.003)).isCloseTo(0, within(1e-12));
    assertThat(ForecastScoring.nllRegret(3, 1000, 0.006)).isPositive();
  }

  /** The beta-binomial predictive distribution sums to one, and P(0 of 1) = b/(a + b). */
  @Test
  void predictive_nll_is_a_proper_beta_binomial_distribution() {
    RateForecast forecast = RateForecast.jeffreys(2, 200);

    double total = 0;
    for (int k = 0; k <= 50; k++) {
      total += Math.exp(-ForecastScoring.predictiveNll(k, 50, forecast));
    }

    assertThat(total).isCloseTo(1, within(1e-10));
    assertThat(ForecastScoring.predictiveNll(0, 1, forecast)).isCloseTo(-Math.log(198.5 / 201), within(1e-12));
  }

  @Test
  void multiplicative_error_is_symmetric() {
    assertThat(ForecastScoring.multiplicativeError(0.02, 0.01)).isEqualTo(2);
    assertThat(ForecastScoring.multiplicativeError(0.01, 0.02)).isEqualTo(2);
  }

  @Test
  void directional_accuracy_counts_only_categories_that_moved_by_the_factor() {
    List<CategoryOutcome> outcomes = List.of(
        // Moved up 3x, forecast up: right.
        new CategoryOutcome("fabricated facts", 30, 10000, 10, 10000, 30, 10000),
        // Moved down 3x, forecast up: wrong.
        new CategoryOutcome("hate", 60, 10000, 30, 10000, 10, 10000),
        // Moved 1.2x only: not counted.
        new CategoryOutcome("self-harm", 12, 10000, 10, 10000, 12, 10000));

    ForecastScoring.Scorecard scorecard = ForecastScoring.score(outcomes);

    assertThat(scorecard.movedCategories()).isEqualTo(2);
    assertThat(scorecard.directionalAccuracy()).isEqualTo(0.5);
    assertThat(scorecard.coverage()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(scorecard.geometricMeanMultiplicativeError()).isGreaterThan(1);
  }
}
