package dev.rehearsal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.prefix.PrefixFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefixesReaderTests {

  @TempDir Path dir;

  @BeforeEach
  void log() throws IOException {
    Files.writeString(dir.resolve("log.jsonl"), "");
  }

  private GateSpec load(String prefixes, Map<String, String> env) throws IOException {
    return PrefixFixtures.gate(dir, prefixes, "  production: { replay: logged }\n  candidate: { replay: logged }\n", "", env);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> rejects(String prefixes) {
    return assertThatThrownBy(() -> load(prefixes, Map.of())).isInstanceOf(SpecException.class);
  }

  @Test
  void reads_every_new_key() throws IOException {
    PrefixSpec p = load("""
          source: { format: openai-messages, path: log.jsonl }
          eligible:
            require-roles: [system]
            has-tools: false
            metadata: { plan: [free, plus], region: { exists: true } }
            max-prefix-chars: 8000
            time-window: { field: created_at, from: 2026-10-01, to: "2026-11-01T00:00:00Z" }
            languages: [en, de]
          sample: { size: 100, seed: 1, dedup: true, stratify: { allocation: neyman, min-per-segment: 10, prior-rates: { short: 2%, default: 5% } } }
          segments:
            - { id: short, when: "prefix-chars < 500" }
            - { by: user-turns, buckets: [1, 2, 4] }
          deid: { policy: redact }
          bad-records: { policy: fail, max-share: 0.5% }
        """, Map.of()).prefixes();

    assertThat(p.eligible().metadata()).hasSize(2);
    assertThat(p.eligible().timeWindow().orElseThrow().field()).isEqualTo("created_at");
    assertThat(p.sample().priorSd()).containsEntry("short", Math.sqrt(0.02 * 0.98));
    assertThat(p.segments()).extracting(SegmentSpec::id)
        .containsExactly("short", "user-turns-1", "user-turns-2-3", "user-turns-4-plus");
    assertThat(p.segments().get(2).rule().text()).isEqualTo("user-turns >= 2 and user-turns < 4");
    assertThat(p.deid().policy()).isEqualTo(DeidSpec.Policy.REDACT);
    assertThat(p.badRecords().policy()).isEqualTo(BadDataSpec.Policy.FAIL);
    assertThat(p.badRecords().maxShare().orElseThrow()).isEqualTo(0.005);
  }

  @Test
  void rejects_an_unknown_source_key_with_the_closest_match_and_position() {
    rejects("""
          source: { fromat: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1 }
        """).hasMessageContaining("test.gate.yaml:5:13").hasMessageContaining("Did you mean 'format'?")
        .hasMessageContaining("Valid keys here: data, format, id-column, jdbc, path, prompt-column");
  }

  @Test
  void rejects_a_prompt_column_on_a_conversation_format() {
    rejects("""
          source: { format: sharegpt, path: log.jsonl, prompt-column: text }
          sample: { size: 1, seed: 1 }
        """).hasMessageContaining("'prompt-column' applies to prompt suites only");
  }

  @Test
  void never_echoes_a_jdbc_url_taken_from_the_environment() {
    assertThatThrownBy(() -> load("""
          source: { format: openai-messages, jdbc: { url: "${WAREHOUSE_URL}", query: "select c from t", column: c } }
          sample: { size: 1, seed: 1 }
        """, Map.of("WAREHOUSE_URL", "postgres://admin:hunter2@db")))
        .hasMessageContaining("${WAREHOUSE_URL} (value from the environment, not shown)")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void names_segments_without_a_neyman_prior() {
    rejects("""
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 10, seed: 1, stratify: { allocation: neyman, prior-rates: { a: 1% } } }
          segments:
            - { id: a, when: "user-turns == 1" }
            - { id: b, when: "user-turns > 1" }
        """).hasMessageContaining("No prior for segment(s) [b]; add them or a 'default' entry.");
  }

  @Test
  void suggests_the_closest_policy_and_bounds_shares() {
    rejects("""
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1 }
          deid: { policy: redcat }
        """).hasMessageContaining("Did you mean 'redact'?");
    rejects("""
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1 }
          bad-records: { max-share: 150% }
        """).hasMessageContaining("A share must be between 0 and 1");
  }

  @Test
  void rejects_a_time_window_that_is_not_iso_8601() {
    rejects("""
          source: { format: openai-messages, path: log.jsonl }
          eligible: { time-window: { from: "last tuesday" } }
          sample: { size: 1, seed: 1 }
        """).hasMessageContaining("Expected an ISO-8601 time like 2026-11-01T00:00:00Z");
  }

  @Test
  void rejects_stratification_without_segments() {
    rejects("""
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1, stratify: { allocation: equal } }
        """).hasMessageContaining("Stratified sampling needs segments");
  }
}
