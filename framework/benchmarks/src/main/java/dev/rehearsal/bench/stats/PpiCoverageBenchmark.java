package dev.rehearsal.bench.stats;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.stats.CorrectedRate;
import dev.rehearsal.stats.IntervalMethod;
import dev.rehearsal.stats.LabelledSample;
import dev.rehearsal.stats.PredictionPowered;
import dev.rehearsal.stats.Proportions;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * Coverage of 95% intervals for a 2% rate read by a biased grader (sensitivity 0.75, specificity
 * 0.98): naive grader-only Wilson interval against PPI and PPI++ with 500 human labels.
 */
public final class PpiCoverageBenchmark implements Benchmark {

  private static final double RATE = 0.02;
  private static final int UNLABELLED = 20_000;
  private static final int LABELLED = 500;
  private static final int REPS = 2000;

  @Override
  public String name() {
    return "stats-ppi";
  }

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = new SplittableRandom(5);
    int naive = 0;
    int ppi = 0;
    int ppiPlusPlus = 0;
    double ppiWidth = 0;
    double tunedWidth = 0;
    for (int r = 0; r < REPS; r++) {
      int flags = 0;
      for (int i = 0; i < UNLABELLED; i++) {
        flags += grade(random.nextDouble() < RATE, random) ? 1 : 0;
      }
      int[] cells = new int[4];
      for (int i = 0; i < LABELLED; i++) {
        boolean human = random.nextDouble() < RATE;
        cells[(human ? 0 : 2) + (grade(human, random) ? 0 : 1)]++;
      }
      LabelledSample labelled = new LabelledSample(cells[0], cells[1], cells[2], cells[3]);
      CorrectedRate plain = PredictionPowered.ppi(labelled, flags, UNLABELLED, 0.95);
      CorrectedRate tuned = PredictionPowered.ppiPlusPlus(labelled, flags, UNLABELLED, 0.95);
      naive += Proportions.interval(flags, UNLABELLED, 0.95, IntervalMethod.WILSON).contains(RATE) ? 1 : 0;
      ppi += plain.lower() <= RATE && RATE <= plain.upper() ? 1 : 0;
      ppiPlusPlus += tuned.lower() <= RATE && RATE <= tuned.upper() ? 1 : 0;
      ppiWidth += plain.upper() - plain.lower();
      tunedWidth += tuned.upper() - tuned.lower();
    }
    out.printf("true rate %.3f, grader Se 0.75 Sp 0.98 (reads %.4f), N=%d unlabelled, n=%d labelled, %d reps%n",
        RATE, RATE * 0.75 + (1 - RATE) * 0.02, UNLABELLED, LABELLED, REPS);
    out.printf("  coverage of 95%% intervals: naive grader-only %.3f, PPI %.3f (mean width %.4f), PPI++ %.3f (mean width %.4f)%n",
        naive / (double) REPS, ppi / (double) REPS, ppiWidth / REPS, ppiPlusPlus / (double) REPS, tunedWidth / REPS);
  }

  private static boolean grade(boolean truth, SplittableRandom random) {
    return truth ? random.nextDouble() < 0.75 : random.nextDouble() < 0.02;
  }
}
