package dev.rehearsal.bench.batch;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.openai.batch.OpenAiBatchServer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The batch path with 100,000 requests: a gate whose candidate is in {@code mode: batch} runs in a
 * child JVM against the loopback OpenAI batch server, submits two batches of 50,000 and polls; the
 * child is killed with SIGKILL; the batches end; a second child JVM collects and decides. The server
 * logs every custom_id it receives, so duplicates are counted, not assumed.
 */
public final class BatchApiBenchmark implements Benchmark {

  static final int REQUESTS = Integer.getInteger("batch.requests", 100_000);

  @Override
  public String name() {
    return "batch-api";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("batch-api-bench");
    write(dir);
    try (OpenAiBatchServer server = new OpenAiBatchServer()) {
      server.hold = true;
      String load = loadAverage();
      long t0 = System.nanoTime();
      Process submitter = child(dir, server.baseUrl(), dir.resolve("submit.out"));
      await(() -> server.batchCount() == 2 && server.polls() >= 4, Duration.ofMinutes(15), submitter);
      double submit = (System.nanoTime() - t0) / 1e9;
      submitter.destroyForcibly();
      int killed = submitter.waitFor();
      server.hold = false;
      long t1 = System.nanoTime();
      Process collector = child(dir, server.baseUrl(), dir.resolve("collect.out"));
      int exit = collector.waitFor();
      double collect = (System.nanoTime() - t1) / 1e9;
      out.printf(Locale.ROOT, "requests %d: received %d custom_ids, %d distinct, %d duplicates, %d batches%n",
          REQUESTS, server.received().size(), server.received().stream().distinct().count(), server.duplicates(),
          server.batchCount());
      out.printf(Locale.ROOT, "submit (child JVM start to both batches created and polled): %.1f s = %.0f requests/s;"
          + " then kill -9 (exit %d)%n", submit, REQUESTS / submit, killed);
      out.printf(Locale.ROOT, "collect and decide (second child JVM, start to exit %d): %.1f s = %.0f requests/s%n",
          exit, collect, REQUESTS / collect);
      out.printf("loadavg before %s, after %s%n", load, loadAverage());
      out.println("submit child output (last lines):");
      tail(dir.resolve("submit.out"), 4).forEach(l -> out.println("  " + l));
      out.println("collect child output (last lines):");
      tail(dir.resolve("collect.out"), 14).forEach(l -> out.println("  " + l));
    }
  }

  private static void write(Path dir) throws java.io.IOException {
    StringBuilder log = new StringBuilder(REQUESTS * 120);
    for (int i = 0; i < REQUESTS; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me with task ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(dir.resolve("log.jsonl"), log);
    Files.writeString(dir.resolve("batch.gate.yaml"), """
        gate: batch-api-bench
        promise: Helps with ordinary requests.
        owner: release-team
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate:
            client: openai
            base-url: "${BATCH_URL}"
            model: bench-model
            temperature: 0
            mode: batch
            batch: { max-wait: 30m, poll-interval: 200ms, max-requests: 50000 }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
        """.formatted(REQUESTS));
  }

  private static Process child(Path dir, String url, Path output) throws java.io.IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
        System.getProperty("java.class.path"), BatchApiChild.class.getName(), dir.toString(), url)
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /** Polls {@code condition} every 50 ms until {@code limit}; fails early if the child died. */
  private static void await(BooleanSupplier condition, Duration limit, Process child) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the submitting child " + (child.isAlive() ? "timed out" : "exited"));
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static java.util.List<String> tail(Path file, int n) throws java.io.IOException {
    java.util.List<String> lines = Files.readAllLines(file);
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  private static String loadAverage() throws java.io.IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.isReadable(loadavg) ? String.join(" ", Arrays.copyOf(Files.readString(loadavg).trim().split(" "), 3))
        : String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
