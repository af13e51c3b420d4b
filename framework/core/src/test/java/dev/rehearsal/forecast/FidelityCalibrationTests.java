package dev.rehearsal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FidelityCalibrationTests {

  private final FidelityCalibration calibration = new FidelityCalibration(10);

  @Test
  void corrects_the_simulation_by_the_deployed_models_production_to_simulation_ratio() {
    // r_prod(Y) = 200.5/10001, r_sim(X→Y) = 100.5/10001, r_sim(Y→Y) = 40.5/10001 (Jeffreys):
    // 100.5 · 200.5 / (40.5 · 10001) = 0.0497487.
    Prediction p = calibration.forecast(new Counts(200, 10_000), new Counts(100, 10_000), new Counts(40, 10_000), 0.95);

    assertThat(p.rate()).isCloseTo(0.0497487, within(1e-6));
  }

  @Test
  void log_scale_interval_matches_a_beta_posterior_monte_carlo() {
    // Reference: numpy, 200,000 draws of Beta(100.5, 9900.5)·Beta(200.5, 9800.5)/Beta(40.5, 9960.5),
    // seed 1: 2.5% and 97.5% quantiles 0.03402 and 0.07422. Delta method (trigamma variances,
    // scipy.special.polygamma): 0.033665 and 0.073516.
    Prediction p = calibration.forecast(new Counts(200, 10_000), new Counts(100, 10_000), new Counts(40, 10_000), 0.95);

    assertThat(p.lower()).isCloseTo(0.033665, within(1e-5)).isCloseTo(0.03402, within(0.001));
    assertThat(p.upper()).isCloseTo(0.073516, within(1e-5)).isCloseTo(0.07422, within(0.002));
    assertThat(p.distribution().mean()).isCloseTo(p.rate(), within(1e-9));
  }

  @Test
  void shrinks_the_factor_toward_one_when_the_fidelity_counts_have_few_events() {
    // min(k_prod(Y), k_sim(Y→Y)) = 4 < m = 10, so w = 0.4 and the factor (20.5/4.5)^0.4 = 1.83407
    // instead of 4.56; forecast 10.5/1001 · 1.83407 = 0.0192385.
    Prediction p = calibration.forecast(new Counts(20, 1000), new Counts(10, 1000), new Counts(4, 1000), 0.95);

    assertThat(calibration.weight(new Counts(20, 1000), new Counts(4, 1000))).isEqualTo(0.4);
    assertThat(p.rate()).isCloseTo(0.0192385, within(1e-6));
  }

  @Test
  void makes_no_correction_when_the_deployed_model_showed_no_events() {
    Prediction p = calibration.forecast(new Counts(0, 1000), new Counts(10, 1000), new Counts(7, 1000), 0.95);

    assertThat(p.rate()).isCloseTo(10.5 / 1001, within(1e-12));
  }

  @Test
  void rejects_a_minimum_below_one() {
    assertThatThrownBy(() -> new FidelityCalibration(0))
        .hasMessage("Minimum events for the fidelity factor is below 1: 0");
  }
}
