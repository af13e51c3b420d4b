package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonsTests {

  private static final double FOUR_DECIMALS = 0.00006;
  private static final double Z95 = 1.959963984540054;

  /**
   * Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
   * comparison of eleven methods", Stat Med 17:873-890, Table II, method 10 (hybrid score), 95%.
   * Examples (e) and (f) are also closed forms of the Wilson limits (z²/(n+z²)), e.g. (f) lower =
   * 1 − √(0.27753² + 0.16113²).
   */
  @ParameterizedTest(name = "{0}/{1} - {2}/{3}: [{4}, {5}]")
  @CsvSource({
    "56, 70, 48, 80, 0.0524, 0.3339",
    "9, 10, 3, 10, 0.1705, 0.8090",
    "6, 7, 2, 7, 0.0582, 0.8062",
    "5, 56, 0, 29, -0.0381, 0.1926",
    "0, 10, 0, 20, -0.1611, 0.2775",
    "10, 10, 0, 20, 0.6791, 1.0000",
  })
  void newcombe_hybrid_score_matches_newcombe_1998_table_two(
      int k1, int n1, int k2, int n2, double lower, double upper) {
    EffectInterval interval = Comparisons.difference(k1, n1, k2, n2, 0.95);

    assertThat(interval.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
    assertThat(interval.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
  }

  /**
   * Expected limits come from {@link ScoreReference}: the restricted MLE by golden-section search
   * on the likelihood and bisection on the defining score equation, not from the closed-form cubic
   * used in production code.
   */
  @ParameterizedTest(name = "{0}/{1} - {2}/{3}")
  @CsvSource({"56, 70, 48, 80", "9, 10, 3, 10", "6, 7, 2, 7", "5, 56, 0, 29", "3, 2000, 9, 2500"})
  void miettinen_nurminen_matches_a_brute_force_score_inversion(int k1, int n1, int k2, int n2) {
    double d = (double) k1 / n1 - (double) k2 / n2;

    EffectInterval interval = Comparisons.difference(k1, n1, k2, n2, 0.95, DifferenceMethod.MIETTINEN_NURMINEN);

    assertThat(interval.lower()).isCloseTo(ScoreReference.miettinenNurminenLimit(k1, n1, k2, n2, Z95, d, -1), within(1e-6));
    assertThat(interval.upper()).isCloseTo(ScoreReference.miettinenNurminenLimit(k1, n1, k2, n2, Z95, d, 1), within(1e-6));
  }

  /**
   * Koopman PAR (1984), "Confidence intervals for the ratio of two binomial proportions",
   * Biometrics 40:513-517, example 36/40 vs 16/80. The expected limits are computed here by the
   * brute-force score inversion of {@link ScoreReference} (they round to 2.94 and 7.15); the Katz
   * log interval (Katz et al. 1978), computed in closed form below, is a second cross-check.
   */
  @Test
  void koopman_score_interval_matches_brute_force_and_is_close_to_katz_for_koopmans_example() {
    EffectInterval koopman = Comparisons.ratio(36, 40, 16, 80, 0.95);

    assertThat(koopman.estimate()).isCloseTo(4.5, within(1e-12));
    assertThat(koopman.lower()).isCloseTo(ScoreReference.koopmanLimit(36, 40, 16, 80, Z95, 4.5, 1e-3), within(1e-6));
    assertThat(koopman.upper()).isCloseTo(ScoreReference.koopmanLimit(36, 40, 16, 80, Z95, 4.5, 1e3), within(1e-6));
    assertThat(koopman.lower()).isCloseTo(2.94, within(0.005));
    assertThat(koopman.upper()).isCloseTo(7.15, within(0.005));
    double katzHalfWidth = Z95 * Math.sqrt(1.0 / 36 - 1.0 / 40 + 1.0 / 16 - 1.0 / 80);
    EffectInterval katz = Comparisons.ratio(36, 40, 16, 80, 0.95, RatioMethod.KATZ_LOG);
    assertThat(katz.lower()).isCloseTo(4.5 * Math.exp(-katzHalfWidth), within(1e-12));
    assertThat(katz.upper()).isCloseTo(4.5 * Math.exp(katzHalfWidth), within(1e-12));
    assertThat(koopman.lower() / katz.lower()).isCloseTo(1, within(0.05));
    assertThat(koopman.upper() / katz.upper()).isCloseTo(1, within(0.05));
  }

  @Test
  void koopman_handles_zero_counts_with_open_ends() {
    EffectInterval noCandidateEvents = Comparisons.ratio(0, 40, 16, 80, 0.95);
    EffectInterval noProductionEvents = Comparisons.ratio(3, 40, 0, 80, 0.95);

    assertThat(noCandidateEvents.lower()).isZero();
    assertThat(noCandidateEvents.upper()).isBetween(0.0, 1.0);
    assertThat(noProductionEvents.upper()).isInfinite();
    assertThat(noProductionEvents.lower()).isGreaterThan(1);
  }

  /**
   * Fisher's tea-tasting table (Fisher 1935, The Design of Experiments; also R's fisher.test
   * help page): [[3, 1], [1, 3]], two-sided p = 34/70 = 0.4857.
   */
  @Test
  void fisher_exact_matches_the_tea_tasting_example() {
    assertThat(Comparisons.fisherExactPValue(3, 4, 1, 4)).isCloseTo(34.0 / 70, within(1e-12));
    assertThat(Comparisons.changed(3, 4, 1, 4, Comparisons.DEFAULT_CHANGE_ALPHA)).isFalse();
    assertThat(Comparisons.changed(30, 1000, 10, 1000, 0.1)).isTrue();
  }

  /** Exact McNemar with 1 vs 9 discordant pairs: p = 2·(C(10,0)+C(10,1))/2¹⁰ = 22/1024. */
  @Test
  void exact_mcnemar_is_the_binomial_test_of_discordant_pairs() {
    PairedCounts counts = new PairedCounts(40, 1, 9, 950);

    assertThat(Comparisons.mcNemarExactPValue(counts)).isCloseTo(22.0 / 1024, within(1e-15));
    assertThat(Comparisons.mcNemarExactPValue(new PairedCounts(3, 0, 0, 10))).isEqualTo(1);
  }

  /**
   * With no association (phi = 0) Newcombe's paired method 10 reduces to the unpaired hybrid score
   * on the same margins; with strong positive association it is narrower.
   */
  @Test
  void paired_difference_reduces_to_unpaired_without_association_and_narrows_with_it() {
    PairedCounts independent = new PairedCounts(2, 8, 18, 72);
    PairedCounts associated = new PairedCounts(18, 2, 2, 78);

    EffectInterval paired = Comparisons.pairedDifference(independent, 0.95);
    EffectInterval unpaired = Comparisons.difference(10, 100, 20, 100, 0.95);
    EffectInterval pairedAssociated = Comparisons.pairedDifference(associated, 0.95);
    EffectInterval unpairedAssociated = Comparisons.difference(20, 100, 20, 100, 0.95);

    assertThat(Comparisons.correctedPhi(independent)).isZero();
    assertThat(paired.lower()).isCloseTo(unpaired.lower(), within(1e-12));
    assertThat(paired.upper()).isCloseTo(unpaired.upper(), within(1e-12));
    assertThat(pairedAssociated.upper() - pairedAssociated.lower())
        .isLessThan(0.6 * (unpairedAssociated.upper() - unpairedAssociated.lower()));
  }

  @Test
  void non_inferiority_passes_only_when_the_upper_bound_is_below_the_margin() {
    NonInferiority.Result clearlyBetter = NonInferiority.difference(20, 20000, 40, 20000, 0.001, 0.05);
    NonInferiority.Result tooFew = NonInferiority.difference(2, 200, 4, 200, 0.001, 0.05);
    NonInferiority.Result ratio = NonInferiority.ratio(36, 40, 16, 80, 7.5, 0.025);

    assertThat(clearlyBetter.nonInferior()).isTrue();
    assertThat(tooFew.nonInferior()).isFalse();
    assertThat(ratio.upperBound()).isCloseTo(Comparisons.ratio(36, 40, 16, 80, 0.95).upper(), within(1e-12));
    assertThat(ratio.nonInferior()).isTrue();
  }
}
