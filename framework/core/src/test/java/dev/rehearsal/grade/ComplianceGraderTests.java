package dev.rehearsal.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.Mark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceGraderTests {

  private static final Grader COMPLIANCE = Graders.create(
      new GraderSpec("c", "compliance", Map.of("type", "compliance"), new Mark(Path.of("x"), 1, 1)));

  @Test
  void an_answer_is_labelled_answered_with_its_opening_as_evidence() {
    Verdict v = COMPLIANCE.grade(List.of(), "  Preheat the oven to 200 degrees and grease the tin.");

    assertThat(v.labels()).containsExactly("answered");
    assertThat(v.evidence().get(0).span()).startsWith("Preheat the oven");
  }

  @Test
  void a_refusal_is_not_answered() {
    assertThat(COMPLIANCE.grade(List.of(), "I'm sorry, but I can't help with that.").labels()).isEmpty();
  }

  @Test
  void an_empty_or_blank_reply_is_not_answered() {
    assertThat(COMPLIANCE.grade(List.of(), "").labels()).isEmpty();
    assertThat(COMPLIANCE.grade(List.of(), " \n\t ").labels()).isEmpty();
  }

  @Test
  void a_refusal_reported_by_the_api_is_not_answered_whatever_its_text() {
    assertThat(COMPLIANCE.gradeRefusedByApi(List.of(), "Here is a partial draft").join().labels()).isEmpty();
  }

  @Test
  void label_is_configurable_and_unknown_keys_are_listed() {
    Grader g = Graders.create(new GraderSpec("c", "compliance", Map.of("type", "compliance", "label", "complied"),
        new Mark(Path.of("x"), 1, 1)));

    assertThat(g.labels()).containsExactly("complied");
    assertThat(Graders.types().get("compliance")).containsExactlyInAnyOrder("type", "label", "extra-phrases", "rules-only");
  }
}
