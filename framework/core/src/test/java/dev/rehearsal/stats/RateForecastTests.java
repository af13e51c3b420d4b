package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateForecastTests {

  @Test
  void jeffreys_forecast_has_shapes_k_plus_half_and_n_minus_k_plus_half() {
    RateForecast forecast = Proportions.forecast(3, 1000);

    assertThat(forecast.alpha()).isEqualTo(3.5);
    assertThat(forecast.beta()).isEqualTo(997.5);
    assertThat(forecast.mean()).isCloseTo(3.5 / 1001, within(1e-15));
  }

  /** Beta(½, 20½) median checked against the Jeffreys interval's own quantile code path. */
  @Test
  void quantiles_match_the_jeffreys_interval_away_from_the_edges() {
    RateForecast forecast = Proportions.forecast(12, 400);

    RateInterval jeffreys = Proportions.interval(12, 400, 0.9, IntervalMethod.JEFFREYS);

    assertThat(forecast.quantile(0.05)).isCloseTo(jeffreys.lower(), within(1e-12));
    assertThat(forecast.quantile(0.95)).isCloseTo(jeffreys.upper(), within(1e-12));
  }

  /**
   * At zero events the forecast is Beta(½, n+½), whose mean 1/(2(n+1)) is the Jeffreys-smoothed
   * rate the deployment-simulation paper uses instead of 0.
   */
  @Test
  void zero_events_forecast_a_small_positive_rate() {
    RateForecast forecast = Proportions.forecast(0, 999);

    assertThat(forecast.mean()).isCloseTo(0.0005, within(1e-15));
    assertThat(forecast.probabilityAbove(0.01)).isLessThan(0.001);
    assertThat(forecast.interval(0.95).lower()).isGreaterThan(0);
  }
}
