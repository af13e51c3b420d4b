package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraderCorrectionTests {

  /** By hand: (0.0635 + 0.97 − 1) / (0.70 + 0.97 − 1) = 0.0335 / 0.67 = 0.05. */
  @Test
  void rogan_gladen_removes_false_positives_and_false_negatives() {
    GraderCalibration calibration = new GraderCalibration(70, 100, 970, 1000);

    CorrectedRate corrected = GraderCorrection.roganGladen(635, 10000, calibration, 0.95);

    assertThat(corrected.rate()).isCloseTo(0.05, within(1e-12));
    assertThat(corrected.lower()).isLessThan(0.05);
    assertThat(corrected.upper()).isGreaterThan(0.05);
  }

  @Test
  void rogan_gladen_interval_widens_with_a_smaller_calibration_set() {
    CorrectedRate large = GraderCorrection.roganGladen(635, 10000, new GraderCalibration(700, 1000, 9700, 10000), 0.95);
    CorrectedRate small = GraderCorrection.roganGladen(635, 10000, new GraderCalibration(35, 50, 97, 100), 0.95);

    assertThat(small.standardError()).isGreaterThan(2 * large.standardError());
  }

  @Test
  void rejects_a_grader_no_better_than_chance() {
    assertThatThrownBy(() -> GraderCorrection.roganGladen(5, 100, new GraderCalibration(5, 10, 5, 10), 0.95))
        .hasMessageContaining("sensitivity + specificity - 1 is not strictly positive: 0.0");
  }

  /** By hand: 0.06 + (40 − 55)/500 = 0.03 with λ = 1. */
  @Test
  void ppi_adds_the_labelled_rectifier_to_the_grader_rate() {
    LabelledSample labelled = new LabelledSample(30, 10, 25, 435);

    CorrectedRate ppi = PredictionPowered.ppi(labelled, 300, 5000, 0.95);

    assertThat(ppi.rate()).isCloseTo(0.06 + (40 - 55) / 500.0, within(1e-12));
  }

  @Test
  void ppi_plus_plus_ignores_a_useless_grader() {
    // Grader flags are independent of the human labels: covariance 0, so λ = 0 (human-only mean).
    LabelledSample labelled = new LabelledSample(5, 45, 5, 45);

    CorrectedRate tuned = PredictionPowered.ppiPlusPlus(labelled, 500, 5000, 0.95);

    assertThat(tuned.rate()).isCloseTo(0.5, within(1e-12));
    assertThat(tuned.method()).contains("lambda=0.0");
  }

  /**
   * Small seeded simulation (the benchmark runs a larger one): true rate 5%, grader with
   * sensitivity 0.7 and specificity 0.97 reads 6.35%. The naive grader-only interval almost never
   * covers; PPI and PPI++ cover near 95%.
   */
  @Test
  void ppi_covers_the_true_rate_where_the_biased_grader_does_not() {
    SplittableRandom random = new SplittableRandom(20260101L);
    int reps = 300;
    int ppiCovered = 0;
    int ppiPlusPlusCovered = 0;
    int naiveCovered = 0;
    for (int r = 0; r < reps; r++) {
      int flags = 0;
      for (int i = 0; i < 5000; i++) {
        flags += grade(random.nextDouble() < 0.05, random) ? 1 : 0;
      }
      int[] cells = new int[4];
      for (int i = 0; i < 500; i++) {
        boolean human = random.nextDouble() < 0.05;
        boolean grader = grade(human, random);
        cells[(human ? 0 : 2) + (grader ? 0 : 1)]++;
      }
      LabelledSample labelled = new LabelledSample(cells[0], cells[1], cells[2], cells[3]);
      ppiCovered += covers(PredictionPowered.ppi(labelled, flags, 5000, 0.95), 0.05);
      ppiPlusPlusCovered += covers(PredictionPowered.ppiPlusPlus(labelled, flags, 5000, 0.95), 0.05);
      naiveCovered += Proportions.interval(flags, 5000, 0.95, IntervalMethod.WILSON).contains(0.05) ? 1 : 0;
    }
    assertThat(ppiCovered / (double) reps).isBetween(0.90, 0.99);
    assertThat(ppiPlusPlusCovered / (double) reps).isBetween(0.90, 0.99);
    assertThat(naiveCovered / (double) reps).isLessThan(0.2);
  }

  private static boolean grade(boolean truth, SplittableRandom random) {
    return truth ? random.nextDouble() < 0.7 : random.nextDouble() < 0.03;
  }

  private static int covers(CorrectedRate rate, double truth) {
    return rate.lower() <= truth && truth <= rate.upper() ? 1 : 0;
  }
}
