package dev.rehearsal.model.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Prints a progress line for a model every few seconds: done/total, calls/s, ETA, errors, tokens,
 * cost. Close it to print the final line and stop the timer.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsoleProgress implements AutoCloseable {

  private final PrintStream out;
  private final String label;
  private final long total;
  private final Supplier<RunStats> stats;
  private final ScheduledExecutorService timer;

  private ConsoleProgress(PrintStream out, String label, long total, Supplier<RunStats> stats,
      Duration every) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.stats = stats;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rehearsal-progress-" + label);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Starts printing every {@code every} until closed. */
  public static ConsoleProgress start(PrintStream out, String label, long total,
      Supplier<RunStats> stats, Duration every) {
    return new ConsoleProgress(out, label, total, stats, every);
  }

  /** The line for one snapshot. */
  public static String line(String label, long total, RunStats s) {
    double seconds = Math.max(1e-3, s.elapsed().toNanos() / 1e9);
    double rate = s.done() / seconds;
    long left = Math.max(0, total - s.done());
    String eta = rate > 0 ? Math.round(left / rate) + "s" : "?";
    return String.format(Locale.ROOT,
        "[rehearsal] %s %d/%d (%.1f%%) %.1f calls/s ETA %s | errors %d, retries %d | tokens %d"
            + " | cost %.4f",
        label, s.done(), total, total == 0 ? 100.0 : 100.0 * s.done() / total, rate, eta,
        s.errorCount(), s.retries(), s.tokens(), s.cost())
        + (s.repliesWithoutUsage() == 0 ? ""
            : " | replies without usage: " + s.repliesWithoutUsage())
        + (s.repliesCutShort() == 0 ? "" : " | cut at token limit: " + s.repliesCutShort());
  }

  private void print() {
    out.println(dev.rehearsal.spec.Secrets.mask(line(label, total, stats.get())));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    print();
  }
}
