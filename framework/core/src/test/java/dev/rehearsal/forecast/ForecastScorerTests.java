package dev.rehearsal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastScorerTests {

  private final ForecastScorer scorer = new ForecastScorer(ScoringOptions.defaults());

  @Test
  void raw_forecast_nll_and_regret_are_the_binomial_nll_at_the_jeffreys_rate() {
    // Forecast 39.5/1001 = 0.0394605... is the Jeffreys rate of 39/1000. Realized 50 of 1000.
    // NLL = −log C(1000,50) − 50 log p − 950 log(1−p); at p = 0.04 scipy gives 4.06042, regret 1.20944;
    // at the Jeffreys rate 0.0394605 the NLL is 4.20564 (scipy.stats.binom.logpmf).
    CategoryScore s = scorer.score(inputs(new Counts(39, 1000), new Counts(50, 1000)));

    assertThat(s.score(Method.RAW).nll()).isCloseTo(4.20564, within(1e-5));
    assertThat(s.score(Method.RAW).regret()).isPositive();
    assertThat(s.score(Method.RAW).multiplicativeError()).isCloseTo((50.5 / 1001) / (39.5 / 1001), within(1e-12));
  }

  @Test
  void direction_counts_only_when_production_moved_by_the_factor() {
    // Previous 20/1000, realized 50/1000: moved 2.46× up. Raw forecast 39/1000 predicts up.
    CategoryScore moved = scorer.score(inputs(new Counts(39, 1000), new Counts(50, 1000)));
    // Realized 25/1000 is 1.24× the previous rate: below 1.5×, not counted.
    CategoryScore flat = scorer.score(inputs(new Counts(39, 1000), new Counts(25, 1000)));

    assertThat(moved.realizedDirection()).isEqualTo(1);
    assertThat(moved.score(Method.RAW).direction()).isEqualTo(1);
    assertThat(moved.score(Method.PREVIOUS).direction()).isZero();
    assertThat(flat.moved()).isFalse();
  }

  @Test
  void splits_the_raw_log_error_into_fidelity_and_shift() {
    CategoryScore s = scorer.score(inputs(new Counts(39, 1000), new Counts(50, 1000)));

    double raw = Math.log((39.5 / 1001) / (50.5 / 1001));
    assertThat(s.fidelityLogError()).isCloseTo(Math.log(10.5 / 20.5), within(1e-12));
    assertThat(s.fidelityLogError() + s.shiftLogError()).isCloseTo(raw, within(1e-12));
  }

  @Test
  void scorecard_aggregates_and_pairs_methods_by_category() {
    List<CategoryInputs> in = List.of(inputs(new Counts(39, 1000), new Counts(50, 1000)),
        inputs(new Counts(10, 1000), new Counts(9, 1000)), inputs(new Counts(5, 1000), new Counts(30, 1000)));

    Scorecard card = Scorecard.of("s", "r1", ScoringOptions.defaults(), in, TaxonomyCoverage.none());

    assertThat(card.summary(Method.RAW).totalNll()).isCloseTo(
        card.categories().stream().mapToDouble(c -> c.score(Method.RAW).nll()).sum(), within(1e-12));
    assertThat(card.summary(Method.RAW).moved()).isEqualTo(2);
    assertThat(card.summary(Method.PREVIOUS).directionalAccuracy()).isNaN();
    assertThat(card.comparisons()).extracting(PairedComparison::method, PairedComparison::against)
        .contains(org.assertj.core.groups.Tuple.tuple(Method.CALIBRATED, Method.RAW),
            org.assertj.core.groups.Tuple.tuple(Method.RAW, Method.CHALLENGING));
  }

  @Test
  void wilcoxon_signed_rank_p_value_matches_the_exact_distribution() {
    // Differences 1..5 all positive: W+ = 15, exact two-sided p = 2/32 = 0.0625 (Wilcoxon 1945 tables).
    PairedComparison p = PairedComparison.of(Method.RAW, Method.PREVIOUS, new double[] {2, 4, 6, 8, 10},
        new double[] {1, 2, 3, 4, 5});

    assertThat(p.statistic()).isEqualTo(15);
    assertThat(p.pValue()).isCloseTo(0.0625, within(1e-12));
    assertThat(p.meanDifference()).isEqualTo(3);
  }

  private static CategoryInputs inputs(Counts simulatedXY, Counts realized) {
    return new CategoryInputs("c", simulatedXY, new Counts(20, 1000), new Counts(10, 1000),
        Optional.of(new Counts(80, 1000)), realized);
  }
}
