package dev.rehearsal.bench.prefix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.BadDataSpec;
import dev.rehearsal.spec.DeidSpec;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SegmentRule;
import dev.rehearsal.spec.SegmentSpec;
import dev.rehearsal.spec.SourceSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measurement in a fresh JVM (so RSS and heap belong to this log size only): the raw
 * read-and-parse pass over the file (every line read and parsed to a JSON tree) as the reference,
 * the sampler's pass on one and on two parser threads, alternating, best of {@link #ROUNDS} each; then
 * one more single-thread sampler pass during which a GC is forced every 100 ms and the heap used
 * after each is taken from the collector's notification ({@link LiveHeap}). Prints
 * {@code RESULT key=value}.
 */
public final class SamplingRun {

  /** Rounds of each pass; the fastest counts, since other processes share the machine. */
  static final int ROUNDS = 3;

  private SamplingRun() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    LiveHeap live = new LiveHeap();
    long idle = settle(live);
    double raw = Double.MAX_VALUE;
    double one = Double.MAX_VALUE;
    double two = Double.MAX_VALUE;
    long lines = 0;
    Sample sample = null;
    for (int round = 0; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      lines = rawPass(file);
      raw = Math.min(raw, seconds(t0));
      t0 = System.nanoTime();
      sample = new PrefixSampler(spec(file, size, 1)).sample();
      one = Math.min(one, seconds(t0));
      t0 = System.nanoTime();
      Sample parallel = new PrefixSampler(spec(file, size, 2)).sample();
      two = Math.min(two, seconds(t0));
      if (!parallel.prefixes().equals(sample.prefixes())) {
        throw new IllegalStateException("2 threads drew another sample than 1 thread");
      }
    }
    sample = null;
    settle(live);
    Thread watcher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        System.gc();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    Sample watched = new PrefixSampler(spec(file, size, 1)).sample();
    watcher.interrupt();
    watcher.join();
    long retained = settle(live);
    double mb = Files.size(file) / 1e6;
    System.out.printf(Locale.ROOT, "RESULT lines=%d mb=%.1f raw_s=%.3f sample_s=%.3f raw_mbps=%.1f sample_mbps=%.1f"
        + " sample_convps=%.0f ratio=%.3f sample2_mbps=%.1f ratio2=%.3f idle_heap_mb=%.1f peak_live_heap_mb=%.1f"
        + " retained_heap_mb=%.1f vmhwm_mb=%.1f sampled=%d eligible=%d weights=%s%n", lines, mb, raw, one, mb / raw,
        mb / one, lines / one, raw / one, mb / two, raw / two, idle / 1e6, live.peak() / 1e6, retained / 1e6,
        vmHwmKb() / 1e3, watched.prefixes().size(), watched.report().eligibleTurns(), weights(watched));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Forces a GC, waits for its notification, and returns the live heap after it. */
  private static long settle(LiveHeap live) throws InterruptedException {
    System.gc();
    Thread.sleep(300);
    return live.last();
  }

  /** The reference: read every line and parse it to a JSON tree, nothing else. */
  static long rawPass(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (json.readTree(line).size() > 0) {
          lines++;
        }
      }
    }
    return lines;
  }

  static PrefixSpec spec(Path file, int size, int threads) {
    Mark mark = new Mark(file, 1, 1);
    List<SegmentSpec> segments = new ArrayList<>();
    for (String tier : SyntheticLogGenerator.TIERS) {
      segments.add(new SegmentSpec(tier, SegmentRule.parse("metadata.tier == '" + tier + "'"), mark));
    }
    return new PrefixSpec(SourceSpec.file("openai-messages", file, mark), new EligibilitySpec(1, Integer.MAX_VALUE,
        true, true), new SampleSpec(size, 20261122L,
        SampleSpec.Allocation.NONE, 0, java.util.Map.of(), false, threads, mark), segments, DeidSpec.DEFAULT, BadDataSpec.DEFAULT);
  }

  private static String weights(Sample s) {
    StringBuilder b = new StringBuilder();
    s.weights().forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append(':')
        .append(String.format(Locale.ROOT, "%.4f", v)));
    return b.toString();
  }

  /** Peak resident set size of this process (Linux), in kB; -1 elsewhere. */
  static long vmHwmKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
