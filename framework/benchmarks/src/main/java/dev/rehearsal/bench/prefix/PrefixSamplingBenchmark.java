package dev.rehearsal.bench.prefix;

import dev.rehearsal.bench.Benchmark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streaming prefix sampling on synthetic OpenAI-messages logs of 100k and 1M conversations: 2,000
 * prefixes each, throughput against the raw read-and-parse speed of the same file (must be at least
 * half of it), peak live heap and peak RSS, each size in its own JVM ({@code -Xmx1g}) so the numbers
 * belong to that size. Logs go to a temp folder and are deleted.
 */
public final class PrefixSamplingBenchmark implements Benchmark {

  static final long[] SIZES = {100_000, 1_000_000};
  static final int SAMPLE = 2_000;

  @Override
  public String name() {
    return "prefix-sampling";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rehearsal-bench-prefix");
    Thread cleanup = new Thread(() -> delete(dir));
    Runtime.getRuntime().addShutdownHook(cleanup);
    List<Map<String, String>> results = new ArrayList<>();
    try {
      for (long n : SIZES) {
        Path log = dir.resolve("log-" + n + ".jsonl");
        long t0 = System.nanoTime();
        long bytes = new SyntheticLogGenerator(n, 4, 0.3, 42).write(log);
        out.printf(Locale.ROOT, "generated %,d conversations, %.1f MB in %.1f s%n", n, bytes / 1e6,
            (System.nanoTime() - t0) / 1e9);
        Map<String, String> r = measure(log);
        results.add(r);
        Files.delete(log);
        out.println("  " + r);
      }
    } finally {
      delete(dir);
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
    report(out, results);
  }

  private static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      System.err.println("Could not delete the benchmark's temp folder " + dir + ": " + e.getMessage());
    }
  }

  private static Map<String, String> measure(Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
        SamplingRun.class.getName(), log.toString(), Integer.toString(SAMPLE)).redirectErrorStream(true).start();
    Map<String, String> result = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          for (String kv : line.substring(7).split(" ")) {
            result.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          }
        } else {
          System.out.println("  | " + line);
        }
      }
    }
    if (p.waitFor() != 0 || result.isEmpty()) {
      throw new IllegalStateException("The measuring JVM failed (exit " + p.exitValue() + ") for " + log);
    }
    return result;
  }

  private static void report(PrintStream out, List<Map<String, String>> rs) {
    out.println();
    out.println("| conversations | MB | raw read+parse MB/s | sampling MB/s (1 thread) | conv/s (1 thread) | ratio"
        + " (1 thread) | sampling MB/s (2 threads) | ratio (2 threads) | peak live heap MB | retained after MB"
        + " | idle heap MB | peak RSS (VmHWM) MB |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Map<String, String> r : rs) {
      out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          Long.parseLong(r.get("lines")), r.get("mb"), r.get("raw_mbps"), r.get("sample_mbps"), r.get("sample_convps"),
          r.get("ratio"), r.get("sample2_mbps"), r.get("ratio2"), r.get("peak_live_heap_mb"), r.get("retained_heap_mb"),
          r.get("idle_heap_mb"), r.get("vmhwm_mb"));
    }
    double minRatio = rs.stream().mapToDouble(r -> Double.parseDouble(r.get("ratio"))).min().orElse(0);
    double small = Double.parseDouble(rs.get(0).get("peak_live_heap_mb"));
    double large = Double.parseDouble(rs.get(rs.size() - 1).get("peak_live_heap_mb"));
    double minRatio2 = rs.stream().mapToDouble(r -> Double.parseDouble(r.get("ratio2"))).min().orElse(0);
    out.printf(Locale.ROOT, "throughput ratio sampling/raw: min %.2f on 1 thread, %.2f on 2 threads (required >= 0.50):"
        + " %s%n", minRatio, minRatio2, minRatio >= 0.5 ? "OK" : minRatio2 >= 0.5 ? "OK with 2 threads only" : "BELOW TARGET");
    out.printf(Locale.ROOT, "peak live heap: %.1f MB at 100k vs %.1f MB at 1M conversations (x%.2f for 10x the log):"
        + " %s%n", small, large, large / small, large <= small * 1.5 ? "does not grow with log size" : "GROWS");
    out.printf(Locale.ROOT, "machine: %d cores, load average %.1f (shared; each number is the best of %d rounds)%n",
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), SamplingRun.ROUNDS);
    out.println("segment weights (generator mix free 0.70 / plus 0.25 / team 0.05, in eligible user turns): "
        + rs.get(rs.size() - 1).get("weights"));
  }
}
