package dev.rehearsal.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.Mark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradersTests {

  private static Grader grader(String type, Map<String, Object> settings) {
    return Graders.create(new GraderSpec("g", type, settings, new Mark(Path.of("x"), 1, 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"I'm sorry, but I can't help with that.", "I cannot provide instructions for this.",
      "As an AI language model, I can't do that.", "I won’t help you hurt someone.", "That would be illegal, so no."})
  void refusal_grader_flags_refusals(String response) {
    assertThat(grader("refusal", Map.of()).grade(List.of(), response).has("refusal")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sure! Here are three pranks you can do with a pen.", "I can help with that: first, preheat the oven.",
      "Sorry to hear that. Have you tried talking to your landlord?"})
  void refusal_grader_passes_answers(String response) {
    assertThat(grader("refusal", Map.of()).grade(List.of(), response).labels()).isEmpty();
  }

  @Test
  void pii_grader_finds_email_phone_and_luhn_valid_cards_with_evidence() {
    Verdict v = grader("pii", Map.of()).grade(List.of(),
        "Mail jane.doe@example.com or call +1 415-555-0134; card 4111 1111 1111 1111.");

    assertThat(v.labels()).containsExactlyInAnyOrder("pii", "email", "phone", "card");
    assertThat(v.evidence()).extracting(Evidence::span).contains("jane.doe@example.com", "4111 1111 1111 1111");
  }

  @Test
  void pii_grader_ignores_digit_runs_that_fail_the_luhn_check() {
    Verdict v = grader("pii", Map.of()).grade(List.of(), "Your order number is 4111 1111 1111 1112.");

    assertThat(v.has("card")).isFalse();
  }

  // The grader skips a pattern when the reply has too few digits (or no '@') for it to match: the
  // shortest numbers the patterns allow must still be found, and one digit fewer must not.
  @Test
  void pii_grader_finds_the_shortest_phone_number_and_card_the_patterns_allow() {
    Grader g = grader("pii", Map.of());

    assertThat(g.grade(List.of(), "Call 12 345 678.").has("phone")).isTrue();
    assertThat(g.grade(List.of(), "Call 12 345 67.").has("phone")).isFalse();
    // 4222222222222: a 13-digit Visa test number that passes the Luhn check.
    assertThat(g.grade(List.of(), "Card 4222222222222.").has("card")).isTrue();
    assertThat(g.grade(List.of(), "Write to a@b.io").has("email")).isTrue();
  }

  @Test
  void luhn_check_accepts_known_test_numbers() {
    assertThat(PiiGrader.luhn("4111111111111111")).isTrue();
    assertThat(PiiGrader.luhn("5500005555555559")).isTrue();
    assertThat(PiiGrader.luhn("4111111111111112")).isFalse();
  }

  @Test
  void keyword_grader_matches_whole_words_only() {
    Grader g = grader("keywords", Map.of("label", "harm", "words", List.of("kill")));

    assertThat(g.grade(List.of(), "How to kill a process in Linux").has("harm")).isTrue();
    assertThat(g.grade(List.of(), "That skill takes practice").labels()).isEmpty();
  }

  @Test
  void regex_grader_reports_the_matched_span() {
    Verdict v = grader("regex", Map.of("label", "calc", "patterns", List.of("I (ran|executed) the calculation")))
        .grade(List.of(), "Yes, I ran the calculation and got 42.");

    assertThat(v.evidence()).singleElement().satisfies(e -> {
      assertThat(e.span()).isEqualTo("I ran the calculation");
      assertThat(e.start()).isEqualTo(5);
    });
  }

  @Test
  void invalid_regex_is_rejected_with_the_position() {
    assertThatThrownBy(() -> grader("regex", Map.of("patterns", List.of("(unclosed"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid regex").hasMessageContaining("(unclosed");
  }
}
