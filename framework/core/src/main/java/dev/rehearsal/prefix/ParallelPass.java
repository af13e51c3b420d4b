package dev.rehearsal.prefix;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads a JSON-lines file on one thread and parses batches of lines on {@code threads} workers, each
 * filling its own {@link SamplingPass}; the passes are merged at the end. Because sampling keys
 * depend on a record's line, not on when it is parsed, the sample is the same for any thread count.
 * At most two batches per worker are in flight, so memory stays bounded.
 */
final class ParallelPass {

  static final int BATCH = 512;
  private final LineSource source;
  private final int threads;

  ParallelPass(LineSource source, int threads) {
    this.source = source;
    this.threads = threads;
  }

  private record Line(long number, String text) {}

  SamplingPass read(Supplier<SamplingPass> passes) throws IOException {
    BlockingQueue<SamplingPass> idle = new ArrayBlockingQueue<>(threads);
    List<SamplingPass> all = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      all.add(passes.get());
    }
    idle.addAll(all);
    Semaphore inFlight = new Semaphore(threads * 2);
    AtomicReference<Exception> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "rehearsal-prefix-parser");
      t.setDaemon(true);
      return t;
    });
    try (BufferedReader reader = source.open()) {
      List<Line> batch = new ArrayList<>(BATCH);
      String text;
      long number = 0;
      while ((text = LineSource.readLine(reader, source.file(), number + 1)) != null && failure.get() == null) {
        number++;
        if (!text.isBlank()) {
          batch.add(new Line(number, text));
        }
        if (batch.size() == BATCH) {
          submit(pool, batch, idle, inFlight, failure);
          batch = new ArrayList<>(BATCH);
        }
      }
      submit(pool, batch, idle, inFlight, failure);
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    if (failure.get() instanceof BadDataException e) {
      throw e;
    } else if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
    SamplingPass merged = all.get(0);
    all.subList(1, all.size()).forEach(merged::merge);
    return merged;
  }

  private void submit(ExecutorService pool, List<Line> batch, BlockingQueue<SamplingPass> idle, Semaphore inFlight,
      AtomicReference<Exception> failure) throws IOException {
    acquire(inFlight);
    pool.execute(() -> {
      SamplingPass pass = idle.poll();
      try {
        for (Line line : batch) {
          source.parse(line.text(), line.number(), pass);
        }
      } catch (BadDataException | RuntimeException e) {
        failure.accumulateAndGet(e, (a, b) -> a == null ? b : a);
      } finally {
        idle.add(pass);
        inFlight.release();
      }
    });
  }

  private static void acquire(Semaphore s) throws IOException {
    try {
      s.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading the log");
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
