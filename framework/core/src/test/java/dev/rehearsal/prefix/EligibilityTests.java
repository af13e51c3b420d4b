package dev.rehearsal.prefix;

import static dev.rehearsal.prefix.PrefixFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eligibility rules on the OpenAI-messages fixture, whose 7 user turns are c1#u0, c1#u1 (after a tool
 * exchange), c2#u0 (de), c3#u0 and c3#u1 (multimodal, no language), c4#u0 and c4#u1 (after a tool
 * exchange, unanswered).
 */
class EligibilityTests {

  @TempDir Path dir;

  @BeforeEach
  void copy_fixture() throws IOException {
    fixture(dir, "openai-tools.jsonl");
  }

  private Sample sample(String eligible) throws IOException {
    return PrefixFixtures.sample(dir, """
          source: { format: openai-messages, path: openai-tools.jsonl }
          eligible: %s
          sample: { size: 100, seed: 1 }
        """.formatted(eligible));
  }

  private static java.util.List<String> ids(Sample s) {
    return SourcesTests.ids(s);
  }

  @Test
  void admits_every_answered_user_turn_by_default() throws IOException {
    Sample s = sample("{}");

    assertThat(ids(s)).containsExactly("c1#u0", "c1#u1", "c2#u0", "c3#u0", "c3#u1", "c4#u0");
    assertThat(s.report().rejected()).isEqualTo(Map.of("no-logged-reply", 1L));
  }

  @Test
  void bounds_the_user_turn_count() throws IOException {
    assertThat(ids(sample("{ min-user-turns: 2, require-logged-reply: false }")))
        .containsExactly("c1#u1", "c3#u1", "c4#u1");
    assertThat(ids(sample("{ max-user-turns: 1 }"))).containsExactly("c1#u0", "c2#u0", "c3#u0", "c4#u0");
  }

  @Test
  void excludes_prefixes_with_multimodal_content_parts() throws IOException {
    Sample s = sample("{ exclude: [multimodal] }");

    assertThat(ids(s)).doesNotContain("c3#u0", "c3#u1");
    assertThat(s.report().rejected()).containsEntry("multimodal", 2L);
  }

  @Test
  void requires_roles_present_in_the_prefix() throws IOException {
    assertThat(ids(sample("{ require-roles: [system] }"))).containsExactly("c1#u0", "c1#u1");
  }

  @Test
  void keeps_or_drops_prefixes_with_tools() throws IOException {
    assertThat(ids(sample("{ has-tools: true, require-logged-reply: false }")))
        .containsExactly("c1#u1", "c4#u1");
    assertThat(ids(sample("{ has-tools: false }")))
        .containsExactly("c1#u0", "c2#u0", "c3#u0", "c3#u1", "c4#u0");
  }

  @Test
  void tests_metadata_with_equals_in_and_exists() throws IOException {
    assertThat(ids(sample("{ metadata: { plan: free } }"))).containsExactly("c1#u0", "c1#u1", "c3#u0", "c3#u1");
    assertThat(ids(sample("{ metadata: { plan: [plus, enterprise] } }"))).containsExactly("c2#u0", "c4#u0");
    assertThat(ids(sample("{ metadata: { plan: { in: [plus] }, locale: { equals: de-DE } } }")))
        .containsExactly("c2#u0");
    Sample noLanguage = sample("{ metadata: { language: { exists: false } } }");
    assertThat(ids(noLanguage)).containsExactly("c3#u0", "c3#u1");
    assertThat(noLanguage.report().rejected()).containsEntry("metadata.language", 5L);
  }

  @Test
  void bounds_the_prefix_length_in_chars() throws IOException {
    // c2#u0 is 33 chars, c3#u0 24 (its text parts), c4#u0 23; c1#u0 is 76 with its system prompt.
    assertThat(ids(sample("{ max-prefix-chars: 40 }"))).containsExactly("c2#u0", "c3#u0", "c4#u0");
  }

  @Test
  void keeps_conversations_inside_an_iso_8601_time_window() throws IOException {
    Sample s = sample("{ time-window: { field: timestamp, from: 2026-10-10, to: \"2026-11-01T00:00:00Z\" } }");

    assertThat(ids(s)).containsExactly("c2#u0", "c4#u0");
    assertThat(s.report().rejected()).containsEntry("outside-time-window", 4L);
  }

  @Test
  void filters_languages_by_primary_subtag_and_keeps_conversations_without_one() throws IOException {
    Sample s = sample("{ languages: [en] }");

    assertThat(ids(s)).containsExactly("c1#u0", "c1#u1", "c3#u0", "c3#u1", "c4#u0");
    assertThat(s.report().rejected()).containsEntry("language", 1L);
  }
}
