package dev.rehearsal.bench.stats;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.stats.Proportions;
import dev.rehearsal.stats.SamplePlanner;
import dev.rehearsal.stats.SequentialGate;
import dev.rehearsal.stats.SequentialGate.Decision;
import dev.rehearsal.stats.SequentialGate.Fallback;
import java.io.PrintStream;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Sequential stopping against the fixed design for a "rate below 0.5%" gate: average samples and
 * error rates at true rates well below, at and well above the threshold; and the planned fixed size
 * for 0.1% checked by simulation.
 */
public final class SequentialBenchmark implements Benchmark {

  private static final double MAXIMUM = 0.005;
  private static final int BATCH = 200;
  private static final int REPS = 2000;

  @Override
  public String name() {
    return "stats-sequential";
  }

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = new SplittableRandom(99);
    UniformRandomProvider rng = random::nextLong;
    int fixed = SamplePlanner.forMaximumRate(MAXIMUM, 0.001, 0.95, 0.8).samples();
    int cap = 4 * fixed;
    out.printf("gate rate < %.3f at 95%%, batches of %d, cap %d; fixed design n = %d (planned for 0.1%%, power 80%%)%n",
        MAXIMUM, BATCH, cap, fixed);
    for (double rate : new double[] {0.0005, 0.001, 0.005, 0.015, 0.05}) {
      long samples = 0;
      int pass = 0;
      int capped = 0;
      int fixedPass = 0;
      for (int r = 0; r < REPS; r++) {
        SequentialGate gate = SequentialGate.of(MAXIMUM, 0.95, cap);
        Decision decision = Decision.CONTINUE;
        BinomialDistribution batch = BinomialDistribution.of(BATCH, rate);
        while (decision == Decision.CONTINUE) {
          decision = gate.observe(batch.createSampler(rng).sample(), BATCH);
        }
        capped += decision == Decision.CAP_REACHED ? 1 : 0;
        pass += gate.fallback(Fallback.BLOCK) == Decision.PASS ? 1 : 0;
        samples += gate.trials();
        int k = BinomialDistribution.of(fixed, rate).createSampler(rng).sample();
        fixedPass += Proportions.upperBound(k, fixed, 0.95) < MAXIMUM ? 1 : 0;
      }
      out.printf("  true rate %.4f: sequential mean n %8.0f (%.2fx fixed), pass %.3f, cap reached %.3f | fixed n %d pass %.3f%n",
          rate, samples / (double) REPS, samples / (double) REPS / fixed, pass / (double) REPS,
          capped / (double) REPS, fixed, fixedPass / (double) REPS);
    }
    out.println("  (pass at rates >= 0.005 is a false pass; block at rates < 0.005 is a lost release)");
  }
}
