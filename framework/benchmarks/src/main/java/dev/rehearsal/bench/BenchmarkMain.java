package dev.rehearsal.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** Runs the benchmarks named on the command line ("all" runs every registered one). */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    String wanted = args.length == 0 ? "all" : args[0];
    List<Benchmark> all = new ArrayList<>();
    ServiceLoader.load(Benchmark.class).forEach(all::add);
    Set<String> names = new TreeSet<>();
    all.forEach(b -> names.add(b.name()));
    Set<String> selected = new TreeSet<>(Arrays.asList(wanted.split(",")));
    if (!selected.contains("all") && !names.containsAll(selected)) {
      selected.removeAll(names);
      throw new IllegalArgumentException(
          "Unknown benchmark(s) " + selected + "; known: " + names + " (or 'all')");
    }
    for (Benchmark benchmark : all) {
      if (selected.contains("all") || selected.contains(benchmark.name())) {
        System.out.println("== benchmark " + benchmark.name());
        benchmark.run(System.out);
      }
    }
  }
}
