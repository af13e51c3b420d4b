package dev.rehearsal.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a gate run treats model calls.
 *
 * @param store the run store file that caches responses (none: every call is made)
 * @param fresh force every model call and every judge grade even when the store has the response or
 *     verdict, and overwrite it
 * @param progress where progress lines go
 * @param progressEvery how often a progress line is printed during generation
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunOptions(Optional<Path> store, boolean fresh, PrintStream progress, Duration progressEvery) {

  /** No store, progress to standard output every 10 seconds. */
  public static RunOptions defaults() {
    return new RunOptions(Optional.empty(), false, System.out, Duration.ofSeconds(10));
  }
}
