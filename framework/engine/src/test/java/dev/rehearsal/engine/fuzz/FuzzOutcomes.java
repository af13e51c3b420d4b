package dev.rehearsal.engine.fuzz;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.Secrets;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.SpecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads (and, when accepted, runs) each mutated gate and records what happened and what went wrong. */
final class FuzzOutcomes {

  enum Outcome { ACCEPTED, REJECTED }

  private final Path project;
  private final Map<String, String> env;
  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private final Map<String, Integer> kinds = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();
  private int runs;
  private int runErrors;
  private int secretRejections;

  FuzzOutcomes(Path project, Map<String, String> env) {
    this.project = project;
    this.env = env;
  }

  void load(Path file, List<String> ops, int maxRuns) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    SpecContext context = new SpecContext(project, project, name -> Optional.ofNullable(env.get(name)));
    GateSpec spec;
    try {
      spec = new GateSpecLoader(context).load(file);
    } catch (SpecException e) {
      rejected(file, ops, text, e);
      return;
    } catch (Throwable t) {
      problems.add(file.getFileName() + " " + ops + ": " + t.getClass().getName() + " escaped: " + t.getMessage());
      return;
    }
    counts.merge(Outcome.ACCEPTED, 1, Integer::sum);
    if (runs < maxRuns) {
      runs++;
      run(file, ops, spec);
    }
  }

  private void rejected(Path file, List<String> ops, String text, SpecException e) {
    counts.merge(Outcome.REJECTED, 1, Integer::sum);
    kinds.merge(kind(e.problem()), 1, Integer::sum);
    secretRejections += text.contains("${FUZZ_") ? 1 : 0;
    if (!e.getMessage().matches("(?s)" + Pattern.quote(file.toString()) + ":[1-9]\\d*:[1-9]\\d*: .*")) {
      problems.add(file.getFileName() + " " + ops + ": no file:line:col in: " + e.getMessage());
    }
    leak(file + " " + ops + " message", e.getMessage());
  }

  private void run(Path file, List<String> ops, GateSpec spec) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream err = System.err;
    try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setErr(out);
      GateRun run = new GateRunner(new RunOptions(Optional.empty(), false, out, Duration.ofHours(1))).run(spec);
      Path dir = RunReports.write(run, project.resolve("reports-" + file.getFileName()));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          leak(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } catch (Exception e) {
      // A run may fail (a mutated log path, a grader that cannot start); what it says is checked at
      // the engine's boundary, which scrubs every error.
      runErrors++;
      leak(file + " " + ops + " run error", String.valueOf(Secrets.scrub(e).getMessage()));
    } finally {
      System.setErr(err);
    }
    leak(file + " " + ops + " console", console.toString(StandardCharsets.UTF_8));
  }

  private void leak(String where, String text) {
    env.forEach((name, value) -> {
      if (text.contains(value)) {
        problems.add(where + " contains the value of " + name);
      }
    });
  }

  /** The error's kind: its wording with names, numbers and quoted values removed. */
  static String kind(String problem) {
    String k = problem.replaceAll("'[^']*'|\"[^\"]*\"|\\$\\{[^}]*}|\\d+", "_");
    return k.length() > 60 ? k.substring(0, 60) : k;
  }

  int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  int secretsReferencedInRejections() {
    return secretRejections;
  }

  List<String> problems() {
    return problems;
  }

  String summary() {
    StringBuilder out = new StringBuilder("Spec fuzz: accepted " + count(Outcome.ACCEPTED) + ", rejected "
        + count(Outcome.REJECTED) + " (" + secretRejections + " with ${VAR} secrets), runs " + runs + " ("
        + runErrors + " ended in errors), environment values checked " + env.size() + "\nRejections by kind:\n");
    kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> out.append(String.format("  %4d  %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }
}
