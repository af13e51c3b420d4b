package dev.rehearsal.bench.stats;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.stats.IntervalMethod;
import dev.rehearsal.stats.Proportions;
import java.io.PrintStream;

/** Measures the time of 1,000,000 interval computations per method, after a warm-up pass. */
public final class IntervalThroughputBenchmark implements Benchmark {

  private static final int COUNT = 1_000_000;

  @Override
  public String name() {
    return "stats-interval-throughput";
  }

  @Override
  public void run(PrintStream out) {
    IntervalMethod[] methods = {IntervalMethod.WILSON, IntervalMethod.AGRESTI_COULL, IntervalMethod.CLOPPER_PEARSON,
        IntervalMethod.JEFFREYS, IntervalMethod.WILSON_CONTINUITY_CORRECTED};
    for (IntervalMethod method : methods) {
      measure(method, COUNT / 10);
      double seconds = measure(method, COUNT);
      out.printf("%-28s two-sided 95%% intervals: %,d in %.3f s (%.0f ns each)%n",
          method, COUNT, seconds, seconds * 1e9 / COUNT);
    }
    double seconds = measureUpperBounds(COUNT);
    out.printf("%-28s one-sided upper bounds:  %,d in %.3f s (%.0f ns each)%n",
        "CLOPPER_PEARSON (gate)", COUNT, seconds, seconds * 1e9 / COUNT);
    measureMidP(out);
  }

  private static double measure(IntervalMethod method, int count) {
    long start = System.nanoTime();
    double sink = 0;
    for (int i = 0; i < count; i++) {
      int n = 200 + (i % 20_000);
      int k = (i * 7) % (1 + n / 50);
      sink += Proportions.interval(k, n, 0.95, method).upper();
    }
    long elapsed = System.nanoTime() - start;
    if (sink < 0) {
      throw new IllegalStateException("impossible");
    }
    return elapsed / 1e9;
  }

  private static double measureUpperBounds(int count) {
    long start = System.nanoTime();
    double sink = 0;
    for (int i = 0; i < count; i++) {
      int n = 200 + (i % 20_000);
      sink += Proportions.upperBound((i * 7) % (1 + n / 50), n, 0.95);
    }
    if (sink < 0) {
      throw new IllegalStateException("impossible");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  // Mid-p is solved by bisection on the binomial distribution: measured on fewer calls.
  private static void measureMidP(PrintStream out) {
    int count = 10_000;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int n = 200 + (i % 20_000);
      Proportions.interval((i * 7) % (1 + n / 50), n, 0.95, IntervalMethod.MID_P);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("%-28s two-sided 95%% intervals: %,d in %.3f s (%.0f ns each)%n",
        IntervalMethod.MID_P, count, seconds, seconds * 1e9 / count);
  }
}
