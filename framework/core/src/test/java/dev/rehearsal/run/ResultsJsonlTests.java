package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code results.jsonl}: every sample × arm with its response, verdicts and evidence, byte-stable. */
class ResultsJsonlTests {

  @TempDir Path dir;

  private GateSpec gate() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      String user = (i % 3 == 0 ? "risky question " : "plain question ") + i;
      String logged = (i % 2 == 0 ? "I can't help with that." : "Sure, here it is.");
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"").append(user)
          .append("\"}").append(",{\"role\":\"assistant\",\"content\":\"" + logged + "\"}").append("]}\n");
    }
    Files.writeString(dir.resolve("log.jsonl"), log, StandardCharsets.UTF_8);
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 6, seed: 5 }
        """, "  production: { replay: logged }\n  candidate: { model: cand }\n",
        GateStatisticsTests.CANDIDATE, Map.of());
  }

  @Test
  void writes_one_line_per_sample_and_arm_with_verdicts_and_evidence_in_sample_order() throws IOException {
    GateRun run = new GateRunner().run(gate());

    Path out = RunReports.write(run, dir.resolve("reports"));

    List<String> lines = Files.readAllLines(out.resolve("results.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2 * run.sample().prefixes().size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = json.readTree(lines.get(i));
      assertThat(line.get("sampleId").asText()).isEqualTo(run.sample().prefixes().get(i / 2).sampleId());
      assertThat(line.get("arm").asText()).isEqualTo(i % 2 == 0 ? "production" : "candidate");
      assertThat(line.get("source").asText()).matches(".*log\\.jsonl:\\d+");
      assertThat(line.get("grades").get("refusal").get("fingerprint").asText()).isEqualTo(run.fingerprints().get("refusal"));
    }
    JsonNode refused = lines.stream().map(l -> read(json, l))
        .filter(l -> l.get("arm").asText().equals("candidate") && l.get("sampleId").asText().startsWith("c3")).findFirst()
        .orElseThrow();
    assertThat(refused.get("response").asText()).isEqualTo("I can't help with that.");
    assertThat(refused.get("responseSha256").asText()).hasSize(64);
    assertThat(refused.get("grades").get("refusal").get("labels").toString()).isEqualTo("[\"refusal\"]");
    assertThat(refused.get("grades").get("refusal").get("evidence").get(0).get("span").asText()).isNotEmpty();
    assertThat(lines.stream().map(l -> read(json, l)))
        .allMatch(l -> l.get("response").isNull() != l.get("error").isNull());
  }

  @Test
  void identical_reruns_write_byte_identical_results() throws IOException {
    GateSpec spec = gate();
    Path first = RunReports.write(new GateRunner().run(spec), dir.resolve("a")).resolve("results.jsonl");
    Path second = RunReports.write(new GateRunner().run(spec), dir.resolve("b")).resolve("results.jsonl");

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first)).isNotEmpty();
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
