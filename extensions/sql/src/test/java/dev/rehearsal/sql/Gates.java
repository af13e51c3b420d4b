package dev.rehearsal.sql;

import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Test support: gate files around a prefixes section, loaded as the engine loads them. */
public final class Gates {

  /** Eligibility, segments and sampling shared by the streaming and push-down runs of a test. */
  public static final String RULES = """
        eligible:
          max-user-turns: 4
          max-prefix-chars: 1200
          metadata: { plan: [free, plus, team] }
          languages: [en, de, es]
          language-field: locale
        segments:
          - { id: single-turn, when: "user-turns == 1" }
          - { id: plus-deep, when: "user-turns >= 3 and metadata.plan == 'plus'" }
          - { id: high-tier, when: "metadata.tier >= 3" }
        sample:
          size: 60
          seed: 20261206
          key: md5
          stratify: { allocation: proportional, min-per-segment: 5 }
      """;

  private Gates() {}

  /** The prefixes section of a gate in {@code dir} whose source is {@code sourceYaml} (indented 4). */
  public static PrefixSpec prefixes(Path dir, String sourceYaml, String rulesYaml) throws IOException {
    return prefixes(dir, sourceYaml, rulesYaml, Map.of());
  }

  /** The same, with {@code ${NAME}} read from {@code env}. */
  public static PrefixSpec prefixes(Path dir, String sourceYaml, String rulesYaml, Map<String, String> env)
      throws IOException {
    String text = "gate: sql-test\npromise: Tests push-down sampling.\nowner: prefixes\n"
        + "prefixes:\n  source:\n" + sourceYaml.stripTrailing() + "\n" + rulesYaml.stripTrailing() + "\n"
        + "arms:\n  production: { replay: logged }\n  candidate: { replay: logged }\n"
        + "graders:\n  refusal: { type: refusal }\n"
        + "categories:\n  - { id: refusal, grader: refusal, owner: product }\n";
    Path file = dir.resolve("test.gate.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return new GateSpecLoader(new SpecContext(dir, dir, name -> Optional.ofNullable(env.get(name)))).load(file).prefixes();
  }
}
