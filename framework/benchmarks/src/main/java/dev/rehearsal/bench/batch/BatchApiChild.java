package dev.rehearsal.bench.batch;

import dev.rehearsal.run.BatchPendingException;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One gate run in its own JVM: {@code <dir> <batch server base url>}; prints how it ended and its stages. */
public final class BatchApiChild {

  private BatchApiChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long start = System.nanoTime();
    var spec = new GateSpecLoader(new SpecContext(dir, dir, name -> Optional.ofNullable(Map.of("BATCH_URL", args[1])
        .get(name)))).load(dir.resolve("batch.gate.yaml"));
    RunOptions options = new RunOptions(Optional.of(dir.resolve("store.db")), false, System.out, Duration.ofSeconds(30));
    try {
      GateRun run = new GateRunner(options).run(spec);
      System.out.printf("decided %s; candidate replies %d, errors %d; %.1f s in the child%n",
          run.decision().action().wireName(), run.candidate().responses().values().stream()
              .filter(r -> r.text().isPresent()).count(), run.candidate().errorCount(), (System.nanoTime() - start) / 1e9);
      run.stages().forEach(s -> System.out.printf("  stage %-28s %6d ms%n", s.name(), s.stopMillis() - s.startMillis()));
      long staged = run.stages().stream().mapToLong(s -> s.stopMillis() - s.startMillis()).sum();
      System.out.printf("  outside the stages (spec load, storing 2 x %d items) %d ms%n", run.items().size() / 2,
          (System.nanoTime() - start) / 1_000_000 - staged);
    } catch (BatchPendingException e) {
      System.out.println(e.getMessage());
    }
  }
}
