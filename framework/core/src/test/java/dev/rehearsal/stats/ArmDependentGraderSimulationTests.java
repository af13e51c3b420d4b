package dev.rehearsal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation with known truth (issue 11): both arms misbehave at the same true rate, 10%,
 * but the grader catches 95% of the candidate's misbehaviour and only 55% of production's
 * (specificity 0.98 for both). The raw rates are biased in opposite directions; the PPI++ rates
 * from 200 uniform human labels per arm are not.
 */
class ArmDependentGraderSimulationTests {

  private static final int RUNS = 2000;
  private static final int ITEMS = 5000;
  private static final int LABELS = 200;
  private static final double TRUTH = 0.10;
  private static final double SPECIFICITY = 0.98;

  @Test
  void corrected_interval_covers_the_true_rate_where_the_raw_interval_does_not() {
    SplittableRandom random = new SplittableRandom(20261206L);
    int[] rawCovers = new int[2];
    int[] correctedCovers = new int[2];
    double[] sensitivity = {0.95, 0.55};
    for (int run = 0; run < RUNS; run++) {
      for (int arm = 0; arm < 2; arm++) {
        Arm simulated = simulate(random, sensitivity[arm]);
        RateInterval raw = IntervalMethod.WILSON.interval(simulated.flags, ITEMS, 0.025, 0.95);
        rawCovers[arm] += raw.contains(TRUTH) ? 1 : 0;
        CorrectedEstimate corrected = ReviewedRate.ppiPlusPlus(simulated.reviewed, simulated.flags, ITEMS, 0.95);
        correctedCovers[arm] += corrected.covers(TRUTH) ? 1 : 0;
      }
    }
    System.out.printf("coverage of the true rate %.2f over %d runs (95%% intervals):%n", TRUTH, RUNS);
    System.out.printf("  candidate  (sensitivity 0.95): raw %.4f, corrected %.4f%n",
        rawCovers[0] / (double) RUNS, correctedCovers[0] / (double) RUNS);
    System.out.printf("  production (sensitivity 0.55): raw %.4f, corrected %.4f%n",
        rawCovers[1] / (double) RUNS, correctedCovers[1] / (double) RUNS);

    for (int arm = 0; arm < 2; arm++) {
      assertThat(correctedCovers[arm] / (double) RUNS).isGreaterThanOrEqualTo(0.93);
      assertThat(rawCovers[arm] / (double) RUNS).isLessThan(0.20);
    }
  }

  /** N graded items; the first LABELS are reviewed (items are i.i.d., so that is a uniform draw). */
  private static Arm simulate(SplittableRandom random, double sensitivity) {
    int flags = 0;
    List<ReviewedItem> reviewed = new ArrayList<>(LABELS);
    double pi = LABELS / (double) ITEMS;
    for (int i = 0; i < ITEMS; i++) {
      boolean truth = random.nextDouble() < TRUTH;
      boolean flag = random.nextDouble() < (truth ? sensitivity : 1 - SPECIFICITY);
      flags += flag ? 1 : 0;
      if (i < LABELS) {
        reviewed.add(new ReviewedItem(flag, truth, pi));
      }
    }
    return new Arm(flags, reviewed);
  }

  private record Arm(int flags, List<ReviewedItem> reviewed) {}
}
