package dev.rehearsal.bench.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * The latencies the server really served, so the benchmark can show that every request waited
 * at least the configured latency. Written by the server thread, read by the benchmark.
 */
final class LatencyRecorder {

  private long[] nanos = new long[16_384];
  private int count;

  synchronized void add(long value) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = value;
  }

  /** Returns the latencies recorded since the last call, and starts afresh. */
  synchronized long[] drain() {
    long[] out = Arrays.copyOf(nanos, count);
    count = 0;
    return out;
  }

  /** min / p50 / p99 / max in milliseconds of {@code values}. */
  static String summary(long[] values) {
    if (values.length == 0) {
      return "no requests";
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "min %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        sorted[0] / 1e6, at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static long at(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  }
}
