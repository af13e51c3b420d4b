package dev.rehearsal.bench.runtime;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.bench.prefix.SyntheticLogGenerator;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a gate run costs before any work, and which JVM flags help: the JUnit console launcher runs a
 * replay gate (no model calls, no store) in a fresh JVM, as a CI job or {@code mvn test}'s forked
 * JVM does, timed from process start to exit. Two sizes (a short run of 200 samples, a longer one of
 * 20,000) under each flag set, {@link #RUNS} times each in alternation, median and minimum reported.
 */
public final class StartupBenchmark implements Benchmark {

  static final int RUNS = (int) Benchmark.longOption("bench.startup.runs", 5);

  /** A flag set under test: its label and JVM options. */
  record Flags(String label, List<String> options) {}

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rehearsal-startup");
    try {
      new SyntheticLogGenerator(12_000, 4, 0.0, 42).write(dir.resolve("log.jsonl"));
      Path small = gate(dir, "short", 200);
      Path large = gate(dir, "long", 20_000);
      Path archive = dir.resolve("rehearsal.jsa");
      // A training run writes the class-data archive (AppCDS) that the "cds" flag sets map in.
      int trained = launch(List.of("-XX:ArchiveClassesAtExit=" + archive), small, dir).exit;
      List<Flags> sets = List.of(
          new Flags("default", List.of()),
          new Flags("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1")),
          new Flags("-XX:+UseSerialGC", List.of("-XX:+UseSerialGC")),
          new Flags("C1 + SerialGC", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
          new Flags("AppCDS archive", List.of("-XX:SharedArchiveFile=" + archive)),
          new Flags("AppCDS + C1 + SerialGC", List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC")));
      out.printf(Locale.ROOT, "cores %d, load average %.1f, java %s; AppCDS training run exit %d, archive %,d bytes%n",
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          System.getProperty("java.version"), trained, Files.exists(archive) ? Files.size(archive) : 0);
      // The floor: the JVM, the launcher and engine discovery with nothing to run.
      double[] empty = new double[RUNS];
      for (int run = 0; run < RUNS; run++) {
        empty[run] = launch(List.of(), null, dir).seconds;
      }
      out.printf(Locale.ROOT, "launcher with no gate selected (default flags): median %.2f s, min %.2f s%n",
          median(empty), Arrays.stream(empty).min().orElseThrow());
      for (Path gate : List.of(small, large)) {
        double[][] seconds = new double[sets.size()][RUNS];
        for (int run = 0; run < RUNS; run++) {
          for (int s = 0; s < sets.size(); s++) { // alternate, so the machine's drift spreads over every set
            Launch l = launch(sets.get(s).options(), gate, dir);
            if (l.exit != 0) {
              throw new IllegalStateException(sets.get(s).label() + " on " + gate.getFileName() + " exited " + l.exit
                  + "; output:\n" + l.output);
            }
            seconds[s][run] = l.seconds;
          }
        }
        out.printf(Locale.ROOT, "%s (%s samples, replay arms, 3 rule graders), %d runs each:%n", gate.getFileName(),
            gate == small ? "200" : "20,000", RUNS);
        double base = median(seconds[0]);
        for (int s = 0; s < sets.size(); s++) {
          out.printf(Locale.ROOT, "  %-24s median %5.2f s  min %5.2f s  (%.2f of default)%n", sets.get(s).label(),
              median(seconds[s]), Arrays.stream(seconds[s]).min().orElseThrow(), median(seconds[s]) / base);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  record Launch(int exit, double seconds, String output) {}

  /** Runs the console launcher on {@code gate} (null: nothing to run) in a new JVM with {@code options}; wall time to exit. */
  private static Launch launch(List<String> options, Path gate, Path dir) throws IOException, InterruptedException {
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    String launcher = Arrays.stream(entries).filter(e -> e.contains("junit-platform-console-standalone"))
        .findFirst().orElseThrow(() -> new IllegalStateException("junit-platform-console-standalone is not on the"
            + " benchmark's class path"));
    String classPath = Arrays.stream(entries).filter(e -> !e.equals(launcher))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-jar", launcher, "execute", "--class-path", classPath));
    command.addAll(gate == null ? List.of("--select-package", "no.such.gates") : List.of("--select-file", gate.toString()));
    command.addAll(List.of(
        "--config", "rehearsal.project-root=" + dir, "--config", "rehearsal.store=none",
        "--config", "rehearsal.reports-dir=" + dir.resolve("reports"), "--details=none", "--disable-banner"));
    Path log = dir.resolve("launch.out");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Launch(exit, seconds, Files.readString(log));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Path gate(Path dir, String id, int samples) throws IOException {
    return Files.writeString(dir.resolve(id + ".gate.yaml"), GateOverheadBenchmark.gateFile("startup-" + id,
        "Start-up cost.", samples, """
        arms:
          production: { replay: logged }
          candidate: { replay: logged }
        """));
  }
}
