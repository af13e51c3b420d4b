package dev.rehearsal.bench.prefix;

import dev.rehearsal.bench.Benchmark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * sql-pushdown: the same 1,000,000 conversations as an OpenAI-messages JSONL log (streaming sampler)
 * and as a Parquet table of one row per turn (DuckDB push-down), sampled with the same spec
 * ({@code key: md5}, proportional by tier). Each sampler runs in its own JVM ({@code -Xmx1g}) so peak
 * RSS (VmHWM, which includes DuckDB's native memory) is its own. Prints throughput, peak RSS and both
 * sample hashes, which must be equal. Files go to a temp folder and are deleted.
 */
public final class PushdownSamplingBenchmark implements Benchmark {

  static final long CONVERSATIONS = Long.getLong("bench.sql.conversations", 1_000_000L);

  @Override
  public String name() {
    return "sql-pushdown";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rehearsal-sql-bench");
    try {
      Path jsonl = dir.resolve("log.jsonl");
      long bytes = new SyntheticLogGenerator(CONVERSATIONS, 4, 0.3, 42).write(jsonl);
      Path parquet = dir.resolve("turns.parquet");
      long t0 = System.nanoTime();
      toTurnRows(jsonl, parquet);
      double convert = (System.nanoTime() - t0) / 1e9;
      Map<String, String> streaming = measure("streaming", jsonl);
      Map<String, String> duckdb = measure("duckdb", parquet);
      report(out, bytes, Files.size(parquet), convert, streaming, duckdb);
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** DuckDB itself turns the JSONL log into one row per turn (not part of either sampler's time). */
  static void toTurnRows(Path jsonl, Path parquet) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT id AS conversation_id, i - 1 AS turn_index, m.role AS role, m.content AS content,"
          + " tier, locale FROM (SELECT id, metadata.tier AS tier, metadata.locale AS locale, UNNEST(messages) AS m,"
          + " generate_subscripts(messages, 1) AS i FROM read_json('" + jsonl + "', format = 'newline_delimited',"
          + " columns = {id: 'VARCHAR', metadata: 'STRUCT(tier VARCHAR, locale VARCHAR)',"
          + " messages: 'STRUCT(role VARCHAR, content VARCHAR)[]'}))) TO '" + parquet + "' (FORMAT parquet)");
    }
  }

  private static Map<String, String> measure(String mode, Path file) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
        PushdownRun.class.getName(), mode, file.toString()).redirectErrorStream(true).start();
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
      throw new IllegalStateException("The " + mode + " JVM failed (exit " + p.exitValue() + ") for " + file);
    }
    return result;
  }

  private static void report(PrintStream out, long jsonlBytes, long parquetBytes, double convert,
      Map<String, String> s, Map<String, String> d) {
    double n = Double.parseDouble(s.get("conversations"));
    double ts = Double.parseDouble(s.get("seconds"));
    double td = Double.parseDouble(d.get("seconds"));
    out.printf(Locale.ROOT, "%,d conversations, %,d eligible user turns; JSONL %.0f MB, Parquet (turn rows) %.0f MB,"
        + " converted by DuckDB in %.1f s%n", (long) n, Long.parseLong(s.get("eligible")), jsonlBytes / 1e6,
        parquetBytes / 1e6, convert);
    out.println("| sampler | seconds (best of " + PushdownRun.ROUNDS + ") | conversations/s | peak RSS (VmHWM) MB"
        + " | sampled | sample ids SHA-256 (16 hex) |");
    out.println("|---|---|---|---|---|---|");
    row(out, "streaming JSONL", s, n);
    row(out, "DuckDB push-down (Parquet)", d, n);
    boolean same = s.get("ids_sha256").equals(d.get("ids_sha256")) && s.get("population").equals(d.get("population"));
    out.printf(Locale.ROOT, "speed-up DuckDB / streaming: x%.2f; peak RSS ratio: %.2f%n", ts / td,
        Double.parseDouble(d.get("vmhwm_mb")) / Double.parseDouble(s.get("vmhwm_mb")));
    out.println("identical sample: " + same + " (first ids " + s.get("first_ids") + " vs " + d.get("first_ids")
        + "; per-tier eligible " + s.get("population") + " vs " + d.get("population") + ")");
    out.printf(Locale.ROOT, "machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (!same) {
      throw new IllegalStateException("The push-down sample differs from the streaming sample");
    }
  }

  private static void row(PrintStream out, String name, Map<String, String> r, double n) {
    double t = Double.parseDouble(r.get("seconds"));
    out.printf(Locale.ROOT, "| %s | %.2f | %,.0f | %s | %s | %s |%n", name, t, n / t, r.get("vmhwm_mb"),
        r.get("sampled"), r.get("ids_sha256"));
  }
}
