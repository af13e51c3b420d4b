package dev.rehearsal.bench.runtime;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.bench.prefix.SyntheticLogGenerator;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whole-gate throughput, sampling to decision, through {@link GateRunner} as the engine calls it:
 * replay arms and HTTP arms (the real OpenAI client against a loopback server) at zero latency, and a
 * cold run at 50 ms latency against its warm rerun from the run store. Each run is timed end to end
 * (sampling, both arms, three rule graders, estimates, checks, and writing every item to the store).
 */
public final class GateOverheadBenchmark implements Benchmark {

  /** {@code -Dbench.scale=0.1} shrinks every size, for profiling runs; the documented results use 1. */
  static final double SCALE = Double.parseDouble(Benchmark.option("bench.scale").orElse("1"));
  static final int REPLAY_SAMPLES = (int) (100_000 * SCALE);
  /**
   * 100,000 like the other lines, the scale the method needs (10^5-10^6 turns per arm). At 20,000,
   * the size until 2026-12-06, the first timed gate of a JVM was mostly the JIT's fixed cost (C2
   * compiled for the whole gate, about 2 s of CPU): {@code -Dbench.http.samples=20000} measures that.
   */
  static final int HTTP_SAMPLES = (int) (Benchmark.longOption("bench.http.samples", 100_000) * SCALE);
  static final int WARM_SAMPLES = (int) (100_000 * SCALE);
  /** {@code -Dbench.warm.latency-ms=0} makes the cold run quick, for profiling the warm rerun alone. */
  static final long WARM_LATENCY_MS = Benchmark.longOption("bench.warm.latency-ms", 50);
  static final int CONCURRENCY = 128;
  /**
   * {@code -Dbench.rounds=N} times the zero-latency lines N times in the one JVM: the first round runs
   * while the JIT still compiles the paths, later rounds show the steady state.
   */
  static final int ROUNDS = rounds();

  private static int rounds() {
    long n = Benchmark.longOption("bench.rounds", 1);
    if (n < 1 || n > 100) {
      throw new IllegalArgumentException("-Dbench.rounds=" + n + " must be between 1 and 100 (rounds of the"
          + " zero-latency lines in one JVM)");
    }
    return (int) n;
  }

  @Override
  public String name() {
    return "gate-overhead";
  }

  /** The benchmark's temporary project folder: the log and the generated gate files. */
  private Path dir;

  @Override
  public void run(PrintStream out) throws Exception {
    dir = Files.createTempDirectory("rehearsal-gate-overhead");
    try {
      Path log = dir.resolve("log.jsonl");
      // 60,000 conversations of 1-4 user turns: about 150,000 eligible user turns.
      new SyntheticLogGenerator((long) (60_000 * SCALE), 4, 0.0, 42).write(log);
      out.printf(Locale.ROOT, "log: %d bytes, cores %d, load average %.1f%n", Files.size(log),
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

      // -Dbench.only=warm runs the cold/warm part alone, -Dbench.only=zero the zero-latency part
      // alone, -Dbench.only=http its HTTP lines alone (profiling).
      String only = Benchmark.option("bench.only").orElse("");
      if (!"warm".equals(only) && !"http".equals(only)) {
        zeroLatencyReplay(out);
      }
      if (!"warm".equals(only)) {
        zeroLatencyHttp(out);
      }
      if ("zero".equals(only) || "http".equals(only)) {
        return;
      }

      coldAndWarm(out);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void zeroLatencyReplay(PrintStream out) throws IOException {
    // Warm-up: a small run so the JIT has compiled the sampling and grading paths before they are timed.
    time(replayGate(2_000), Optional.empty());
    for (int round = 1; round <= ROUNDS; round++) {
      Timed replay = time(replayGate(REPLAY_SAMPLES), Optional.empty());
      Timed replayStored = time(replayGate(REPLAY_SAMPLES), Optional.of(dir.resolve("replay-" + round + ".db")));
      out.printf(Locale.ROOT, "replay arms, no store%s:   %,d samples in %.2f s = %,.0f samples/s (%s)%n",
          roundLabel(round), replay.samples, replay.seconds, replay.rate(), replay.decision);
      out.println("  stages: " + replay.stages());
      out.printf(Locale.ROOT, "replay arms, with store%s: %,d samples in %.2f s = %,.0f samples/s (%s)%n",
          roundLabel(round), replayStored.samples, replayStored.seconds, replayStored.rate(), replayStored.decision);
      out.println("  stages: " + replayStored.stages());
    }
  }

  private static String roundLabel(int round) {
    return ROUNDS == 1 ? "" : ", round " + round + " of " + ROUNDS;
  }

  /**
   * Both arms over HTTP (two requests per sample), then the usual shape of a release gate: a replay
   * production arm (the logged replies) against an HTTP candidate (one request per sample).
   */
  private void zeroLatencyHttp(PrintStream out) throws IOException {
    try (FixedLatencyServer server = new FixedLatencyServer(0)) {
      time(httpGate("http-warmup", server, 2_000), Optional.empty());
      for (int round = 1; round <= ROUNDS; round++) {
        int before = server.requests.get();
        Timed http = time(httpGate("http", server, HTTP_SAMPLES), Optional.empty());
        out.printf(Locale.ROOT, "http arms, 0 ms, no store%s: %,d samples in %.2f s = %,.0f samples/s, %,d requests (%s)%n",
            roundLabel(round), http.samples, http.seconds, http.rate(), server.requests.get() - before, http.decision);
        out.println("  stages: " + http.stages());
        before = server.requests.get();
        Timed candidate = time(httpCandidateGate("http-candidate", server, HTTP_SAMPLES), Optional.empty());
        out.printf(Locale.ROOT, "replay production, http candidate, 0 ms, no store%s: %,d samples in %.2f s"
                + " = %,.0f samples/s, %,d requests (%s)%n", roundLabel(round), candidate.samples, candidate.seconds,
            candidate.rate(), server.requests.get() - before, candidate.decision);
        out.println("  stages: " + candidate.stages());
      }
    }
  }

  /**
   * A cold run at {@link #WARM_LATENCY_MS} and its warm rerun from the store. For A/B comparisons of
   * the warm path, {@code -Dbench.warm.store=FILE -Dbench.warm.port=N} keep the store between
   * invocations (the port is part of every cache key) and skip the cold run when the file exists;
   * {@code -Dbench.warm.reruns=N} reruns warm N times.
   */
  private void coldAndWarm(PrintStream out) throws IOException {
    Optional<Path> kept = Benchmark.option("bench.warm.store").map(Path::of);
    try (FixedLatencyServer server = new FixedLatencyServer(WARM_LATENCY_MS, (int) Benchmark.longOption("bench.warm.port", 0))) {
      Path store = kept.orElse(dir.resolve("warm.db"));
      GateSpec gate = httpGate("warm", server, WARM_SAMPLES);
      boolean cold = !Files.exists(store);
      if (cold) {
        int before = server.requests.get();
        Timed run = time(gate, Optional.of(store));
        double ideal = 2.0 * WARM_SAMPLES * WARM_LATENCY_MS / 1000.0 / CONCURRENCY;
        out.printf(Locale.ROOT, "cold, %d ms latency: %,d samples in %.2f s (%,d requests; ideal %.1f s)%n",
            WARM_LATENCY_MS, run.samples, run.seconds, server.requests.get() - before, ideal);
        out.println("  cold stages: " + run.stages());
        warm(out, server, gate, store, Optional.of(run));
      }
      for (int i = cold ? 1 : 0; i < Benchmark.longOption("bench.warm.reruns", 1); i++) {
        warm(out, server, gate, store, Optional.empty());
      }
    }
  }

  private static void warm(PrintStream out, FixedLatencyServer server, GateSpec gate, Path store, Optional<Timed> cold)
      throws IOException {
    int before = server.requests.get();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double load = os.getSystemLoadAverage();
    long cpu = os.getProcessCpuTime();
    Timed warm = time(gate, Optional.of(store));
    // CPU time (all threads, JIT and GC included) varies less than wall time on a shared machine.
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    out.printf(Locale.ROOT, "warm rerun from the store: %.2f s = %,.0f samples/s (%,d requests)%s, load average %.1f,"
        + " process CPU %.2f s%n", warm.seconds, warm.rate(), server.requests.get() - before,
        cold.map(c -> String.format(Locale.ROOT, ", warm/cold %.3f", warm.seconds / c.seconds)).orElse(""), load,
        cpuSeconds);
    // Both arms' generate stages are the reading of cached replies (issue 13 item 4: >= 100,000/s).
    double reading = warm.generateSeconds();
    out.printf(Locale.ROOT, "  reading cached replies (both arms' generate stages): %.2f s = %,.0f samples/s%n",
        reading, warm.samples / reading);
    out.println("  warm stages: " + warm.stages());
  }

  record Timed(int samples, double seconds, String decision, String stages, double generateSeconds) {
    double rate() {
      return samples / seconds;
    }
  }

  private static Timed time(GateSpec spec, Optional<Path> store) throws IOException {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    RunOptions options = new RunOptions(store, false, quiet, Duration.ofHours(1));
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    GateRun run = new GateRunner(options).run(spec);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    StringBuilder stages = new StringBuilder();
    run.stages().forEach(s -> stages.append(String.format(Locale.ROOT, "%s %.2f s; ", s.name(),
        (s.stopMillis() - s.startMillis()) / 1000.0)));
    stages.append(String.format(Locale.ROOT, "other (store, reports) %.2f s", seconds
        - run.stages().stream().mapToLong(s -> s.stopMillis() - s.startMillis()).sum() / 1000.0));
    // CPU time varies less than wall time on a machine shared with other builds.
    stages.append(String.format(Locale.ROOT, "; process CPU %.2f s", cpu));
    double generate = run.stages().stream().filter(s -> s.name().startsWith("generate"))
        .mapToLong(s -> s.stopMillis() - s.startMillis()).sum() / 1000.0;
    return new Timed(run.sample().prefixes().size(), seconds, run.decision().action().toString(), stages.toString(),
        generate);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private GateSpec replayGate(int samples) throws IOException {
    return load("replay-" + samples, """
        arms:
          production: { replay: logged }
          candidate: { replay: logged }
        """, samples);
  }

  private GateSpec httpGate(String id, FixedLatencyServer server, int samples) throws IOException {
    return load(id, """
        arms:
          production: { model: current }
          candidate: { model: next }
        models:
          current: { client: openai, base-url: "%1$s", model: current, concurrency: %2$d }
          next: { client: openai, base-url: "%1$s", model: next, concurrency: %2$d }
        """.formatted(server.baseUrl(), CONCURRENCY), samples);
  }

  private GateSpec httpCandidateGate(String id, FixedLatencyServer server, int samples) throws IOException {
    return load(id, """
        arms:
          production: { replay: logged }
          candidate: { model: next }
        models:
          next: { client: openai, base-url: "%1$s", model: next, concurrency: %2$d }
        """.formatted(server.baseUrl(), CONCURRENCY), samples);
  }

  private GateSpec load(String id, String arms, int samples) throws IOException {
    Path file = Files.writeString(dir.resolve(id + ".gate.yaml"), gateFile(id, "Whole-gate throughput.", samples, arms));
    return new GateSpecLoader(SpecContext.of(dir, dir)).load(file);
  }

  /**
   * The benchmarks' gate: {@code samples} prefixes of {@code log.jsonl}, the given {@code arms:}
   * block, three rule graders (refusal, pii, keywords) and a lenient threshold.
   */
  static String gateFile(String id, String promise, int samples, String arms) {
    return """
        gate: %s
        promise: %s
        owner: bench
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 7 }
        %s
        graders:
          refusal: { type: refusal }
          pii: { type: pii }
          words: { type: keywords, label: harmful, words: [bomb, poison, weapon] }
        categories:
          - { id: refusal, grader: refusal, label: refusal, owner: bench }
          - { id: pii, grader: pii, label: pii, owner: bench }
          - { id: harmful, grader: words, label: harmful, owner: bench }
        thresholds:
          - { categories: "*", max-rate: 50%%, on-breach: hold }
        """.formatted(id, promise, samples, arms);
  }
}
