package dev.rehearsal.bench.runtime;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.openai.OpenAiClientProvider;
import dev.rehearsal.run.store.CachingModelClient;
import dev.rehearsal.run.store.RunStore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

/**
 * Achieved request rate of the real OpenAI client plus runtime against a loopback server with
 * fixed latency, against the ideal concurrency / latency; the framework's overhead per request
 * with an in-process model; and a rerun with a warm cache.
 */
public final class ClientThroughputBenchmark implements Benchmark {

  private static final int N = 5_000;
  private static final int CONCURRENCY = 128;
  private static final long LATENCY_MS = 50;
  private static final int ROUNDS = 3;
  /**
   * Warm-up rounds of N requests before measuring: the JIT keeps compiling the HTTP client and JSON
   * path for about 15,000 requests (round 1 was the slowest of three with a single warm-up round), and
   * a release gate's thousands of calls run in that steady state.
   */
  private static final int WARMUP_ROUNDS = 3;

  @Override
  public String name() {
    return "client-throughput";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rehearsal-bench");
    try (FixedLatencyServer server = new FixedLatencyServer(LATENCY_MS)) {
      RuntimeSettings runtime = RuntimeSettings.defaults().withConcurrency(CONCURRENCY);
      ModelConfig config = new ModelConfig("bench", "openai", Map.of("base-url",
          server.baseUrl(), "model", "bench", "temperature", 0), Optional.empty());
      try (ResilientModelClient client = new ResilientModelClient(
          new OpenAiClientProvider().create(config), runtime)) {
        // Warm-up: opens the connections and lets the JIT compile the request path.
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
          runAll(client, N, "warmup" + i);
        }
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
          ratios[round] = measure(out, client, server, round);
        }
        Arrays.sort(ratios);
        out.printf(Locale.ROOT, "http: median ratio %.1f%% of ideal over %d rounds (errors %d)%n",
            100 * ratios[ROUNDS / 2], ROUNDS, client.stats().errorCount());

        try (RunStore store = RunStore.open(dir.resolve("bench.db"))) {
          CachingModelClient cold = new CachingModelClient(client, store.responses(), false);
          int before = server.requests.get();
          double coldSeconds = runAll(cold, N, "cache");
          CachingModelClient warm = new CachingModelClient(client, store.responses(), false);
          int afterCold = server.requests.get();
          double warmSeconds = runAll(warm, N, "cache");
          out.printf(Locale.ROOT, "cache: cold %.2f s (%d calls), warm %.3f s (%d calls),"
              + " warm/cold time %.3f%n", coldSeconds, afterCold - before, warmSeconds,
              server.requests.get() - afterCold, warmSeconds / coldSeconds);
        }
      }
    }
    overhead(out);
  }

  /**
   * One round of N requests; prints the achieved rate against the ideal, the latency the server
   * really served (so the ideal is not met by answering early), the mean number the server held
   * at once (Little's law: total served latency / wall time), and this process's CPU per request
   * (client and server share the JVM), with the load average, since the machine may be shared.
   */
  private static double measure(PrintStream out, ResilientModelClient client,
      FixedLatencyServer server, int round) throws IOException {
    server.served.drain();
    long cpuBefore = processCpuNanos();
    double seconds = runAll(client, N, "http" + round);
    long cpu = processCpuNanos() - cpuBefore;
    long[] served = server.served.drain();
    double ideal = CONCURRENCY / (LATENCY_MS / 1000.0);
    double ratio = N / seconds / ideal;
    out.printf(Locale.ROOT, "http round %d: %d requests, concurrency %d, latency %d ms: %.0f req/s,"
        + " ideal %.0f req/s, ratio %.1f%%%n", round + 1, N, CONCURRENCY, LATENCY_MS,
        N / seconds, ideal, 100 * ratio);
    out.printf(Locale.ROOT, "  server saw %d requests: latency %s; mean in flight %.1f;"
        + " process CPU %.0f us/request; loadavg %s%n", served.length,
        LatencyRecorder.summary(served), LongStream.of(served).sum() / 1e9 / seconds,
        cpu / 1e3 / N, loadAverage());
    return ratio;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.isReadable(loadavg)
        ? String.join(" ", Arrays.copyOf(Files.readString(loadavg).trim().split(" "), 3))
        : String.format(Locale.ROOT, "%.2f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void overhead(PrintStream out) {
    ModelClient instant = new ModelClient() {
      private final CompletableFuture<ModelReply> reply =
          CompletableFuture.completedFuture(ModelReply.text("ok"));

      @Override
      public CompletableFuture<ModelReply> complete(ModelRequest request) {
        return reply;
      }

      @Override
      public String modelId() {
        return "instant";
      }
    };
    try (ResilientModelClient client = new ResilientModelClient(instant,
        RuntimeSettings.defaults().withConcurrency(CONCURRENCY))) {
      int n = 200_000;
      runAll(client, n, "warm");
      double seconds = runAll(client, n, "inproc");
      double direct = runAll(instant, n, "inproc");
      out.printf(Locale.ROOT, "in-process: %d requests, %.2f us/request through the runtime,"
          + " %.2f us/request direct, overhead %.2f us/request%n", n, seconds * 1e6 / n,
          direct * 1e6 / n, (seconds - direct) * 1e6 / n);
    }
  }

  /** Sends {@code n} distinct requests at once and returns the seconds until all answered. */
  private static double runAll(ModelClient client, int n, String tag) {
    long start = System.nanoTime();
    CompletableFuture<?>[] all = new CompletableFuture<?>[n];
    for (int i = 0; i < n; i++) {
      all[i] = client.complete(new ModelRequest(List.of(Turn.user(tag + " prefix " + i)),
          Map.of(), Map.of("temperature", 0), tag + i));
    }
    CompletableFuture.allOf(all).join();
    return (System.nanoTime() - start) / 1e9;
  }
}
