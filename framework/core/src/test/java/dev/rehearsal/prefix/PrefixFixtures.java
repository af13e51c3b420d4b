package dev.rehearsal.prefix;

import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Test support: the shared data root, committed fixtures, and gate files built around a prefixes section. */
public final class PrefixFixtures {

  private PrefixFixtures() {}

  /**
   * The data root as the engine finds it: env {@code REHEARSAL_DATA_ROOT} (CI's fetched data), else
   * {@code <project root>/../shared/data} from Surefire's rehearsal.project-root or the folder with .git.
   */
  public static Path dataRoot() {
    String env = System.getenv("REHEARSAL_DATA_ROOT");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    String root = System.getProperty("rehearsal.project-root");
    Path project = root != null && !root.isBlank() ? Path.of(root) : findGitRoot();
    return project.resolve("../shared/data").toAbsolutePath().normalize();
  }

  private static Path findGitRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    throw new IllegalStateException("No folder with .git above " + Path.of("").toAbsolutePath()
        + "; set -Drehearsal.project-root");
  }

  /** A committed fixture under fixtures/prefix, copied into {@code dir} so spec paths stay inside it. */
  public static Path fixture(Path dir, String name) throws IOException {
    Path target = dir.resolve(name);
    try (var in = PrefixFixtures.class.getResourceAsStream("/fixtures/prefix/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      Files.copy(in, target);
    }
    return target;
  }

  /** Writes a gate file into {@code dir} around {@code prefixesYaml} (indented by the caller as a block). */
  public static GateSpec gate(Path dir, String prefixesYaml) throws IOException {
    return gate(dir, prefixesYaml, "  production: { replay: logged }\n  candidate: { replay: logged }\n", "", Map.of());
  }

  public static GateSpec gate(Path dir, String prefixesYaml, String arms, String extra, Map<String, String> env)
      throws IOException {
    String text = "gate: prefix-test\npromise: Tests prefixes.\nowner: prefixes\n"
        + "prefixes:\n" + prefixesYaml.stripTrailing() + "\n"
        + "arms:\n" + arms
        + "graders:\n  refusal: { type: refusal }\n"
        + "categories:\n  - { id: refusal, grader: refusal, owner: product }\n" + extra;
    Path file = dir.resolve("test.gate.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    SpecContext context = new SpecContext(dir, dataRoot(), name -> Optional.ofNullable(env.get(name)));
    return new GateSpecLoader(context).load(file);
  }

  /** Samples with the gate's prefixes section. */
  public static Sample sample(Path dir, String prefixesYaml) throws IOException {
    return new PrefixSampler(gate(dir, prefixesYaml).prefixes()).sample();
  }
}
