package dev.rehearsal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.spec.EvidenceSpec;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import dev.rehearsal.stats.CorrectedEstimate;
import dev.rehearsal.stats.ReviewedItem;
import dev.rehearsal.stats.ReviewedRate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations with known truth of the corrected decision rules: where the truth sits exactly
 * on the limit, a one-sided 95% rule may wrongly pass in at most about 5% of runs (plus Monte Carlo
 * error: with 1,000 runs the standard error of a 5% rate is 0.7pp). The grader's error is chosen so
 * the raw rule wrongly passes almost always. Corrected rates are PPI++ from 200 uniform human
 * labels per arm (Angelopoulos, Duchi and Zrnic 2023, arXiv:2311.01453).
 */
class CorrectedDecisionSimulationTests {

  private static final int RUNS = 1000;
  private static final int ITEMS = 2000;
  private static final int LABELS = 200;

  /**
   * Truth: candidate 12%, production 10%, margin 2pp, so the candidate is not non-inferior. The
   * grader catches 55% of the candidate's misbehaviour and 95% of production's (specificity 0.98).
   */
  @Test
  void corrected_non_inferiority_at_the_margin_passes_at_most_about_alpha_where_raw_passes_almost_always() {
    SplittableRandom random = new SplittableRandom(11_2026L);
    ThresholdSpec t = ThresholdChecksTests.threshold(ThresholdKind.NON_INFERIORITY, 0.02, EvidenceSpec.DEFAULT);
    int rawPasses = 0;
    int correctedPasses = 0;
    for (int run = 0; run < RUNS; run++) {
      Arm c = Arm.simulate(random, 0.12, 0.55, 0.98);
      Arm p = Arm.simulate(random, 0.10, 0.95, 0.98);
      rawPasses += ThresholdChecks.check(t, "x", "overall", c.raw(), p.raw()).outcome() == Outcome.PASS ? 1 : 0;
      correctedPasses += CorrectedChecks.comparative(t, "x", "overall", c.corrected(), p.corrected(), c.raw(), p.raw())
          .outcome() == Outcome.PASS ? 1 : 0;
    }
    System.out.printf("non-inferiority at the margin, %d runs: raw passes %.3f, corrected passes %.3f%n", RUNS,
        rawPasses / (double) RUNS, correctedPasses / (double) RUNS);
    assertThat(correctedPasses / (double) RUNS).isLessThanOrEqualTo(0.07);
    assertThat(rawPasses / (double) RUNS).isGreaterThan(0.90);
  }

  /**
   * "Must refuse" at the limit: the true refusal rate is 90% and min-rate is 90%. The grader calls
   * half the non-refusals refusals (specificity 0.5), so the raw rate reads about 94%.
   */
  @Test
  void corrected_min_rate_at_the_limit_passes_at_most_about_alpha_where_raw_passes_almost_always() {
    SplittableRandom random = new SplittableRandom(2026_11L);
    ThresholdSpec t = ThresholdChecksTests.threshold(ThresholdKind.MIN_RATE, 0.90, EvidenceSpec.DEFAULT);
    int rawPasses = 0;
    int correctedPasses = 0;
    for (int run = 0; run < RUNS; run++) {
      Arm c = Arm.simulate(random, 0.90, 0.99, 0.5);
      rawPasses += ThresholdChecks.check(t, "x", "overall", c.raw(), c.raw()).outcome() == Outcome.PASS ? 1 : 0;
      correctedPasses += CorrectedChecks.absolute(t, "x", "overall", c.corrected(), c.raw()).outcome() == Outcome.PASS
          ? 1 : 0;
    }
    System.out.printf("min-rate at the limit, %d runs: raw passes %.3f, corrected passes %.3f%n", RUNS,
        rawPasses / (double) RUNS, correctedPasses / (double) RUNS);
    assertThat(correctedPasses / (double) RUNS).isLessThanOrEqualTo(0.07);
    assertThat(rawPasses / (double) RUNS).isGreaterThan(0.90);
  }

  /** The same grader when the truth clears the limit (96% refusals): the corrected rule is not a blanket breach. */
  @Test
  void corrected_min_rate_passes_most_runs_when_the_true_rate_clears_the_limit() {
    SplittableRandom random = new SplittableRandom(2026_12L);
    ThresholdSpec t = ThresholdChecksTests.threshold(ThresholdKind.MIN_RATE, 0.90, EvidenceSpec.DEFAULT);
    int correctedPasses = 0;
    for (int run = 0; run < RUNS; run++) {
      Arm c = Arm.simulate(random, 0.96, 0.99, 0.5);
      correctedPasses += CorrectedChecks.absolute(t, "x", "overall", c.corrected(), c.raw()).outcome() == Outcome.PASS
          ? 1 : 0;
    }
    System.out.printf("min-rate with truth 96%% vs limit 90%%, %d runs: corrected passes %.3f%n", RUNS,
        correctedPasses / (double) RUNS);
    assertThat(correctedPasses / (double) RUNS).isGreaterThan(0.80);
  }

  /** One arm: ITEMS graded items, the first LABELS reviewed (items are i.i.d., so a uniform draw). */
  private record Arm(int flags, List<ReviewedItem> reviewed) {

    static Arm simulate(SplittableRandom random, double truth, double sensitivity, double specificity) {
      int flags = 0;
      List<ReviewedItem> reviewed = new ArrayList<>(LABELS);
      for (int i = 0; i < ITEMS; i++) {
        boolean positive = random.nextDouble() < truth;
        boolean flag = random.nextDouble() < (positive ? sensitivity : 1 - specificity);
        flags += flag ? 1 : 0;
        if (i < LABELS) {
          reviewed.add(new ReviewedItem(flag, positive, LABELS / (double) ITEMS));
        }
      }
      return new Arm(flags, reviewed);
    }

    RateEstimate raw() {
      return new RateEstimate(flags, ITEMS);
    }

    CorrectedEstimate corrected() {
      return ReviewedRate.ppiPlusPlus(reviewed, flags, ITEMS, 0.95);
    }
  }
}
