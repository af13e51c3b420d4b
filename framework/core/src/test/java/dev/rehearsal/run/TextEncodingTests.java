package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.text.Utf8Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 8: one unpaired surrogate in a reply or a spec value must not stop any report. */
class TextEncodingTests {

  @TempDir Path dir;

  @Test
  void item8_unpaired_surrogate_in_a_reply_and_a_spec_value_is_written_as_a_replacement_character()
      throws IOException {
    // given a log whose user turn carries a lone high surrogate, and a candidate whose refusal ends in
    // a lone low surrogate (JSON and YAML escapes are the only way to carry one in a UTF-8 file)
    Files.writeString(dir.resolve("log.jsonl"),
        "{\"id\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"risky \\ud800 question\"},"
            + "{\"role\":\"assistant\",\"content\":\"ok \\ud800\"}]}\n", StandardCharsets.UTF_8);
    GateSpec spec = PrefixFixtures.gate(dir, "  source: { format: openai-messages, path: log.jsonl }\n  sample: { size: 1, seed: 1 }\n",
        "  production: { replay: logged }\n  candidate: { model: cand }\n",
        "models:\n  cand: { client: scripted, replies: [{ match: \"risky\", reply: \"I can't help with that \\uDC00.\" }],"
            + " default: \"fine\" }\n"
            + "tags: [\"t\\uD83D\"]\n"
            + "thresholds:\n  - { categories: refusal, max-rate: 50%, on-breach: hold }\n", Map.of());
    GateRun run = new GateRunner().run(spec);

    // when the decision files are written
    Path out = RunReports.write(run, dir.resolve("reports"));

    // then every file exists, is valid UTF-8 and shows U+FFFD where the surrogates were
    String json = Files.readString(out.resolve("decision.json"), StandardCharsets.UTF_8);
    assertThat(new ObjectMapper().readTree(json).isObject()).isTrue();
    assertThat(json).contains("help with that " + Utf8Files.REPLACEMENT);
    assertThat(Files.readString(out.resolve("decision.txt"), StandardCharsets.UTF_8)).isNotEmpty();
    assertThat(Files.readString(out.resolve("segments.md"), StandardCharsets.UTF_8)).isNotEmpty();
  }

  @Test
  void item8_well_formed_keeps_pairs_and_replaces_only_lone_surrogates() {
    String text = "a\uD83D\uDE00b\uD800c\uDC00";

    assertThat(Utf8Files.wellFormed(text)).isEqualTo("a\uD83D\uDE00b\uFFFDc\uFFFD");
    assertThat(Utf8Files.wellFormed("plain")).isSameAs("plain");
  }
}
