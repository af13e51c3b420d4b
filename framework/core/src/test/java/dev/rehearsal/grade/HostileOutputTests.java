package dev.rehearsal.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 8: graders are linear in their input and bounded in time. Linearity is shown by
 * counting work (character reads, automaton steps) at two sizes, never by a clock: linear work
 * grows 4x when the input does, quadratic work 16x.
 */
class HostileOutputTests {

  // Shapes that made the old patterns rescan: long runs of e-mail local-part characters, digit
  // groups, separators, near-miss e-mails.
  private static final List<Function<Integer, String>> HOSTILE = List.of(
      n -> "a".repeat(n),
      n -> "a.".repeat(n / 2),
      n -> "a@".repeat(n / 2),
      n -> "1 ".repeat(n / 2),
      n -> "12-".repeat(n / 3),
      n -> "x@y.".repeat(n / 4),
      n -> "+1 (".repeat(n / 4));

  @Test
  void item8_pii_grader_is_linear() {
    PiiGrader grader = new PiiGrader();
    for (Function<Integer, String> shape : HOSTILE) {
      long small = reads(grader, shape.apply(5_000));
      long large = reads(grader, shape.apply(20_000));

      assertThat(large).as("reads for %s...", shape.apply(8)).isLessThanOrEqualTo(5 * small);
      assertThat(large).as("reads per character").isLessThanOrEqualTo(200L * 20_000);
    }
  }

  @Test
  void item8_pii_grader_still_finds_email_phone_and_card() {
    Verdict v = new PiiGrader().grade(List.of(), "Mail jo.doe+x@mail.example.org, call +1 415 555 0100, card 4111 1111 1111 1111.");

    assertThat(v.evidence()).extracting(Evidence::label).contains("email", "phone", "card", "pii");
    assertThat(v.evidence()).filteredOn(e -> e.label().equals("email")).extracting(Evidence::span)
        .containsExactly("jo.doe+x@mail.example.org");
  }

  @Test
  void item8_keyword_list_of_60000_words_is_compiled_once_and_linear() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      words.add("w" + Integer.toString(i * 7919, 36) + "z");
    }
    KeywordGrader grader = new KeywordGrader("kw", words);
    String filler = "some words of an ordinary reply wz w1 w2z aaaaaaaaaaaa ";

    long small = steps(grader, filler.repeat(100));
    long large = steps(grader, filler.repeat(400));

    assertThat(large).isLessThanOrEqualTo(5 * small);
    assertThat(large).as("steps per character, independent of the 60,000 words").isLessThanOrEqualTo(4L * filler.length() * 400);
  }

  @Test
  void item8_keywords_match_case_insensitively_at_word_boundaries_only() {
    KeywordGrader grader = new KeywordGrader("kw", List.of("bomb", "how to", "c++"));

    assertThat(grader.grade(List.of(), "the BOMBER is a film").has("kw")).isFalse();
    assertThat(grader.grade(List.of(), "a Bomb.").evidence()).extracting(Evidence::span).containsExactly("Bomb");
    assertThat(grader.grade(List.of(), "ask HOW TO fish").evidence()).extracting(Evidence::start).containsExactly(4);
    assertThat(grader.grade(List.of(), "I like c++ a lot").has("kw")).isFalse(); // \b after '+' needs a word char
    assertThat(grader.grade(List.of(), "I like c++x").has("kw")).isTrue();
  }

  @Test
  void item8_grade_over_its_time_budget_is_a_grader_error_with_a_countable_reason() {
    // given a clock that advances 1 ms per reading, and a 5 ms budget
    AtomicLong now = new AtomicLong();
    GradeBudget budget = new GradeBudget(Duration.ofMillis(5), () -> now.addAndGet(1_000_000));
    Grader pii = budget.apply(new PiiGrader());

    // when a long reply is graded, then the scan is stopped and reported as over budget
    assertThatThrownBy(() -> pii.grade(List.of(), "a".repeat(100_000)))
        .isInstanceOfSatisfying(GraderException.class, e -> assertThat(e.reason()).isEqualTo(GradeBudget.REASON))
        .hasMessageContaining("-D" + GradeBudget.PROPERTY);
  }

  @Test
  void item8_grade_within_budget_returns_the_inner_verdict() {
    GradeBudget budget = new GradeBudget(Duration.ofSeconds(10), () -> 0L);

    assertThat(budget.apply(new PiiGrader()).grade(List.of(), "write to a@b.io").has("email")).isTrue();
  }

  private static long reads(PiiGrader grader, String text) {
    CountingText counting = new CountingText(text);
    grader.scan(counting);
    return counting.reads;
  }

  private static long steps(KeywordGrader grader, String text) {
    long[] work = new long[1];
    grader.scan(text, work);
    return work[0];
  }
}
