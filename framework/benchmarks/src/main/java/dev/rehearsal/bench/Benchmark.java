package dev.rehearsal.bench;

import java.io.PrintStream;

/**
 * One benchmark: measures something in one run and prints the ratios that BENCHMARKS.md records.
 *
 * <p>Implementations are listed in {@code META-INF/services/dev.rehearsal.bench.Benchmark}.
 */
public interface Benchmark {

  /** Short name used on the command line ({@code -Dbench=name}). */
  String name();

  /** Runs the benchmark and prints its results; throws when the measurement itself failed. */
  void run(PrintStream out) throws Exception;
}
