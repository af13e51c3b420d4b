package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs of an unchanged gate write the same report files, byte for byte, apart from timestamps. */
class IdenticalRunsTests {

  @TempDir Path dir;

  @Test
  void two_identical_runs_write_byte_identical_decision_files_apart_from_timestamps() throws IOException {
    // given: a gate whose two arms (logged replay, in-process scripted model) both answer every prefix
    try (Writer w = Files.newBufferedWriter(dir.resolve("log.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < 60; i++) {
        w.write("{\"id\":\"c" + i + "\",\"metadata\":{\"tier\":\"" + (i % 3 == 0 ? "team" : "free")
            + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"" + (i % 7 == 0 ? "risky " : "plain ") + i
            + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n");
      }
    }
    GateSpec spec = PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 40, seed: 11 }
          segments:
            - { by: metadata.tier, values: [free, team] }
        """, "  production: { replay: logged }\n  candidate: { model: cand }\n", """
        models:
          cand: { client: scripted, replies: [{ match: "risky", reply: "I can't help with that." }], default: "Sure." }
        thresholds:
          - { categories: refusal, max-rate: 5%, on-breach: hold }
          - { categories: refusal, non-inferiority: 2pp, on-breach: repair }
          - { categories: refusal, max-ratio-to-production: 1.5, on-breach: repair }
        """, Map.of());

    // when: the same gate runs twice, each into its own folder
    Path first = RunReports.write(new GateRunner().run(spec), dir.resolve("a"));
    Path second = RunReports.write(new GateRunner().run(spec), dir.resolve("b"));

    // then: every file is identical once the stage timings (the only timestamps) are masked
    for (String name : new String[] {"decision.txt", "decision.json", "segments.csv", "segments.md", "forest-plot.svg",
        "comparison-plot.svg"}) {
      assertThat(masked(second.resolve(name))).as(name).isEqualTo(masked(first.resolve(name)));
    }
    assertThat(Files.readString(first.resolve("comparison-plot.svg"))).as("both comparative rules drawn")
        .contains("non-inferiority 2.00pp", "max-ratio-to-production 1.50");
    String summary = Files.readString(first.resolve("decision.json"));
    assertThat(summary.indexOf("grader errors: production")).as("arms in spec order").isPositive();
  }

  @Test
  void result_maps_keep_the_order_they_were_built_in() {
    // given: twelve error reasons inserted in an order no hash table keeps
    Map<String, Long> errors = new java.util.LinkedHashMap<>();
    for (int i = 12; i > 0; i--) {
      errors.put("reason-" + (char) ('a' + (i * 7) % 13), (long) i);
    }

    // when: they become part of an arm's result
    ArmResult arm = new ArmResult("candidate", "model cand", Map.of(), errors);

    // then: reports iterate them exactly as built, in every JVM
    assertThat(arm.errors().keySet()).containsExactlyElementsOf(errors.keySet());
  }

  /** The file with stage start/stop times and durations replaced by a fixed token. */
  private static String masked(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replaceAll("\"(startMillis|stopMillis|durationMillis|millis)\"\\s*:\\s*\\d+", "\"$1\" : 0")
        .replaceAll("\\d+ ms\\b", "N ms");
  }
}
