package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.prefix.PrefixSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate without segments reports "overall" only: no "other" row that repeats it (issue 15). */
class UndeclaredSegmentsTests {

  @TempDir Path dir;

  @Test
  void a_gate_without_segments_has_no_other_segment() throws IOException {
    // given: a log and a gate that declares no segments
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"q").append(i)
          .append("\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n");
    }
    Files.writeString(dir.resolve("log.jsonl"), log, StandardCharsets.UTF_8);

    // when
    GateRun run = new GateRunner().run(PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 30, seed: 1 }
        """, "  production: { replay: logged }\n  candidate: { replay: logged }\n", "", Map.of()));

    // then: only the overall row, in the run and in the console table
    assertThat(run.segments()).doesNotContain(PrefixSampler.UNSEGMENTED);
    assertThat(run.categories().get("refusal").candidate()).doesNotContainKey(PrefixSampler.UNSEGMENTED)
        .containsKey("overall");
    assertThat(DecisionTable.render(run)).doesNotContain(" other ");
  }
}
