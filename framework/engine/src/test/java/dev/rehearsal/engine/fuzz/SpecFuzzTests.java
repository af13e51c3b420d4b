package dev.rehearsal.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.engine.fuzz.FuzzOutcomes.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's fuzz test: a few hundred seeded mutations of the committed fixture gates. Every
 * rejection is a spec error with file:line:column, no other exception escapes the loader, and no
 * message, console line or report file holds the value of an environment variable the spec used.
 */
class SpecFuzzTests {

  static final long SEED = Long.getLong("rehearsal.fuzz.seed", 20261206L);
  static final int SPECS = Integer.getInteger("rehearsal.fuzz.specs", 300);
  // Accepted specs run offline end to end (scripted models); a bounded number keeps the build short.
  static final int MAX_RUNS = Integer.getInteger("rehearsal.fuzz.runs", 20);

  @TempDir Path project;

  @Test
  void mutated_gate_files_are_rejected_with_positions_and_never_echo_secrets() throws IOException {
    // given the fixture gates copied into a project with their logs, and a link that leads out of it
    List<FuzzBase> bases = FuzzBase.copyFixtures(project);
    Files.createSymbolicLink(project.resolve("link-out"), Path.of("/etc"));
    Random random = new Random(SEED);
    Map<String, String> env = new LinkedHashMap<>();
    SpecMutator mutator = new SpecMutator(random, env);
    FuzzOutcomes outcomes = new FuzzOutcomes(project, env);

    // when each mutation is loaded, and run when it loads
    for (int i = 0; i < SPECS; i++) {
      FuzzBase base = bases.get(random.nextInt(bases.size()));
      List<String> ops = new ArrayList<>();
      String text = mutator.mutate(base.text(), ops);
      Path file = base.write(project, "fuzz-" + i + ".gate.yaml", text);
      outcomes.load(file, ops, MAX_RUNS);
    }

    // then
    System.out.println(outcomes.summary());
    assertThat(outcomes.problems()).as("loader and run problems").isEmpty();
    assertThat(outcomes.count(Outcome.ACCEPTED) + outcomes.count(Outcome.REJECTED)).isEqualTo(SPECS);
    assertThat(outcomes.count(Outcome.REJECTED)).isGreaterThan(SPECS / 4);
    assertThat(outcomes.count(Outcome.ACCEPTED)).isGreaterThan(SPECS / 20);
    assertThat(outcomes.secretsReferencedInRejections()).isGreaterThan(10);
  }
}
