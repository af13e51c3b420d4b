package dev.rehearsal.openai;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one gate file with a run store, as {@code mvn test} would: started as a child JVM that the
 * kill -9 test kills, and called in-process for the rerun. Settings come from the environment.
 */
public final class KillableGateMain {

  private KillableGateMain() {}

  /**
   * Arguments: project directory, gate file, store file, category. Prints {@code result errors=E
   * samples=N events=K decision=ACTION} for the candidate arm and the category, overall.
   */
  public static void main(String[] args) throws IOException {
    GateRun run = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), System::getenv,
        System.out);
    var counts = run.categories().get(args[3]).candidate().get(GateRun.OVERALL);
    System.out.println("result errors=" + run.candidate().errorCount() + " samples="
        + counts.n() + " events=" + counts.k() + " decision=" + run.decision().action());
  }

  static GateRun run(Path project, Path gate, Path store, Function<String, String> environment,
      PrintStream progress) throws IOException {
    var spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(environment.apply(name)))).load(gate);
    return new GateRunner(new RunOptions(Optional.of(store), false, progress,
        Duration.ofSeconds(1))).run(spec);
  }
}
