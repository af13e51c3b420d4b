package dev.rehearsal.grade.calibration;

import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.GraderFingerprint;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.SpecContext;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Calibrates one grader of a gate on a gold JSONL file and stores the result next to the gate's lock:
 * {@code CalibrationMain <gate file> <grader id> <gold.jsonl> [label]}. The project root is the system
 * property {@code rehearsal.project-root} or the working directory; models come from the gate's
 * {@code models:} (API keys from the environment).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CalibrationMain {

  private CalibrationMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("rehearsal.project-root", "")).toAbsolutePath().normalize();
    System.exit(run(root, args, System.out, System.err));
  }

  /** Runs and returns the exit code: 0 done, 2 usage or input error. */
  public static int run(Path root, String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length < 3 || args.length > 4) {
      err.println("usage: CalibrationMain <gate file> <grader id> <gold.jsonl> [label]");
      return 2;
    }
    Path specFile = Path.of(args[0]).toAbsolutePath().normalize();
    try {
      GateSpec spec = new GateSpecLoader(SpecContext.of(root, root.resolve("../shared/data"))).load(specFile);
      GraderSpec graderSpec = spec.graders().get(args[1]);
      if (graderSpec == null) {
        err.println("No grader '" + args[1] + "' in " + specFile + "; declared: " + spec.graders().keySet());
        return 2;
      }
      try (GraderContext context = GraderContext.of(spec.models(), specFile.getParent(), root)) {
        Grader grader = Graders.create(graderSpec, context);
        String label = args.length == 4 ? args[3] : grader.defaultLabel();
        Calibration.Rated rated = new Calibration.Rated(args[1], GraderFingerprint.of(graderSpec, grader), grader, label);
        CalibrationReport report = Calibration.of(rated).against(GoldSet.read(Path.of(args[2])));
        CalibrationStore.write(specFile, report);
        out.println(report.render());
        out.println("stored in " + CalibrationStore.pathFor(specFile));
      }
      return 0;
    } catch (IllegalArgumentException | dev.rehearsal.spec.SpecException e) {
      err.println(e.getMessage());
      return 2;
    }
  }
}
