package dev.rehearsal.bench;

import java.io.PrintStream;
import java.util.Optional;

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

  /**
   * A benchmark option ({@code -Dbench.x=value}); absent when unset or blank, since the Maven profile
   * passes every option on, empty when the command line did not set it.
   */
  static Optional<String> option(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A whole-number option, or {@code fallback} when unset; a value that is no number is an error, not the default. */
  static long longOption(String name, long fallback) {
    return option(name).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("-D" + name + "=" + v + " is not a whole number; give one, e.g. -D" + name
            + "=" + fallback, e);
      }
    }).orElse(fallback);
  }
}
