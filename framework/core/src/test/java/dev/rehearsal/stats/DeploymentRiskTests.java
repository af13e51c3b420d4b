package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeploymentRiskTests {

  @Test
  void detection_floor_at_zero_events_is_about_three_over_n() {
    double floor = DeploymentRisk.detectionFloor(3000, 0.95);

    assertThat(floor).isCloseTo(1 - Math.pow(0.05, 1 / 3000.0), within(1e-15));
    assertThat(floor * 3000).isCloseTo(3, within(0.01));
  }

  @Test
  void expected_incidents_scale_the_rate_and_its_interval_by_traffic() {
    DeploymentRisk risk = DeploymentRisk.of(4, 10_000, 2_000_000);

    assertThat(risk.expectedPerDay()).isCloseTo(2_000_000 * 4.5 / 10_001, within(1e-9));
    assertThat(risk.expectedLower()).isCloseTo(2_000_000 * risk.interval().lower(), within(1e-9));
    assertThat(risk.expectedUpper()).isCloseTo(2_000_000 * risk.interval().upper(), within(1e-9));
    assertThat(risk.probabilityAtLeastOne()).isCloseTo(1, within(1e-12));
  }

  /** 1 − (1 − 10⁻⁶)^10⁶ ≈ 1 − e⁻¹: computed stably for tiny rates. */
  @Test
  void probability_of_at_least_one_incident_is_stable_for_tiny_rates() {
    assertThat(DeploymentRisk.atLeastOne(1e-6, 1e6)).isCloseTo(1 - Math.exp(-1), within(1e-6));
    assertThat(DeploymentRisk.atLeastOne(1e-15, 10)).isCloseTo(1e-14, within(1e-20));
  }
}
