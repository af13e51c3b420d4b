package dev.rehearsal.bench.stats;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.stats.IntervalMethod;
import dev.rehearsal.stats.Proportions;
import java.io.PrintStream;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * Coverage of one-sided 95% upper bounds for rates 0.01%-5% and n 200-20,000: seeded simulation
 * (20,000 draws per cell) next to the exact coverage Σ P(k) · 1[bound(k) ≥ p].
 */
public final class CoverageBenchmark implements Benchmark {

  private static final double[] RATES = {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05};
  private static final int[] SIZES = {200, 1000, 5000, 20_000};
  private static final int REPS = 20_000;

  @Override
  public String name() {
    return "stats-coverage";
  }

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = new SplittableRandom(20261101L);
    UniformRandomProvider rng = random::nextLong;
    for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS,
        IntervalMethod.WILSON}) {
      double minSimulated = 1;
      double minExact = 1;
      out.printf("%s one-sided 95%% upper bound, coverage simulated (exact):%n", method);
      for (double p : RATES) {
        StringBuilder row = new StringBuilder(String.format("  p=%-7s", p));
        for (int n : SIZES) {
          double simulated = simulate(p, n, method, rng);
          double exact = exact(p, n, method);
          minSimulated = Math.min(minSimulated, simulated);
          minExact = Math.min(minExact, exact);
          row.append(String.format(" n=%-6d %.4f (%.4f)", n, simulated, exact));
        }
        out.println(row);
      }
      out.printf("  minimum over grid: simulated %.4f, exact %.4f%n", minSimulated, minExact);
    }
  }

  private static double simulate(double p, int n, IntervalMethod method, UniformRandomProvider rng) {
    DiscreteDistribution.Sampler sampler = BinomialDistribution.of(n, p).createSampler(rng);
    int covered = 0;
    for (int r = 0; r < REPS; r++) {
      covered += Proportions.upperBound(sampler.sample(), n, 0.95, method) >= p ? 1 : 0;
    }
    return covered / (double) REPS;
  }

  // The bound rises with k, so coverage is P(K ≥ smallest k whose bound reaches p).
  static double exact(double p, int n, IntervalMethod method) {
    int k = 0;
    while (Proportions.upperBound(k, n, 0.95, method) < p) {
      k++;
    }
    return k == 0 ? 1 : BinomialDistribution.of(n, p).survivalProbability(k - 1);
  }
}
