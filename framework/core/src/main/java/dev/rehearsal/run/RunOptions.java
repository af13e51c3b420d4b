package dev.rehearsal.run;

import dev.rehearsal.run.store.StoreLocation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a gate run treats model calls.
 *
 * @param fresh force every model call and every judge grade even when the store has the response or
 *     verdict, and overwrite it
 * @param progress where progress lines go
 * @param progressEvery how often a progress line is printed during generation
 * @param location the run store that caches responses: a SQLite file or a shared database (none:
 *     every call is made)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunOptions(boolean fresh, PrintStream progress, Duration progressEvery, Optional<StoreLocation> location) {

  /** Options whose store, if any, is a SQLite file. */
  public RunOptions(Optional<Path> store, boolean fresh, PrintStream progress, Duration progressEvery) {
    this(fresh, progress, progressEvery, store.map(StoreLocation::file));
  }

  /** No store, progress to standard output every 10 seconds. */
  public static RunOptions defaults() {
    return new RunOptions(false, System.out, Duration.ofSeconds(10), Optional.empty());
  }
}
