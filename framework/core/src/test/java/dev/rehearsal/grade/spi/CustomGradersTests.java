package dev.rehearsal.grade.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.GraderException;
import dev.rehearsal.grade.GraderFingerprint;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.Mark;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom graders: selection by class or ServiceLoader name, clear errors, fingerprints of class, version, settings. */
class CustomGradersTests {

  private static final List<Turn> PREFIX = List.of(Turn.user("What is your refund policy?"));

  private static Grader create(Map<String, Object> declaration) {
    return Graders.create(spec(declaration), GraderContext.rulesOnly());
  }

  private static GraderSpec spec(Map<String, Object> declaration) {
    return new GraderSpec("custom", "java", declaration, new Mark(java.nio.file.Path.of("custom.gate.yaml"), 1, 1));
  }

  @Test
  void a_grader_named_by_class_grades_with_its_settings_and_gives_evidence() {
    Grader grader = create(Map.of("type", "java", "class", MentionsGrader.class.getName(), "settings", Map.of("word", "refund")));

    var verdict = grader.grade(PREFIX, "Your Refund arrives in 5 days.");

    assertThat(verdict.labels()).containsExactly("mention");
    assertThat(verdict.evidence()).singleElement().satisfies(e -> {
      assertThat(e.span()).isEqualTo("Refund");
      assertThat(e.start()).isEqualTo(5);
    });
    assertThat(grader.grade(PREFIX, "No idea.").labels()).isEmpty();
  }

  @Test
  void a_grader_named_by_provider_is_found_through_service_loader() {
    Grader grader = create(Map.of("type", "java", "provider", "mentions", "settings", Map.of("word", "policy")));

    assertThat(grader.grade(PREFIX, "See the policy.").labels()).containsExactly("mention");
    assertThat(CustomGraders.available()).contains("mentions", "duplicate");
  }

  @Test
  void rejects_a_provider_name_that_several_classes_answer_to() {
    assertThatThrownBy(() -> create(Map.of("type", "java", "provider", "duplicate")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Several custom graders are named 'duplicate'")
        .hasMessageContaining("MentionsGrader$DuplicateA", "MentionsGrader$DuplicateB", "select it with 'class:'");
  }

  @Test
  void rejects_an_unknown_provider_listing_the_available_ones() {
    assertThatThrownBy(() -> create(Map.of("type", "java", "provider", "mention")))
        .hasMessageContaining("No custom grader named 'mention'", "mentions", "META-INF/services/" + CustomGrader.class.getName());
  }

  @Test
  void rejects_a_missing_class_a_class_of_the_wrong_kind_and_both_class_and_provider() {
    assertThatThrownBy(() -> create(Map.of("type", "java", "class", "com.acme.Missing")))
        .hasMessageContaining("Grader class 'com.acme.Missing' is not on the class path");
    assertThatThrownBy(() -> create(Map.of("type", "java", "class", "java.lang.String")))
        .hasMessageContaining("does not implement " + CustomGrader.class.getName());
    assertThatThrownBy(() -> create(Map.of("type", "java", "class", "x.Y", "provider", "mentions")))
        .hasMessageContaining("exactly one of 'class'");
  }

  @Test
  void rejects_missing_required_settings_and_the_graders_own_setting_errors() {
    assertThatThrownBy(() -> create(Map.of("type", "java", "provider", "mentions")))
        .hasMessageContaining("Missing required key(s) [word] under 'settings:'");
    assertThatThrownBy(() -> create(Map.of("type", "java", "provider", "mentions", "settings", Map.of("word", " "))))
        .hasMessageContaining("'settings.word' must be a non-blank string.");
  }

  @Test
  void an_undeclared_label_is_a_counted_grader_error_not_a_silent_pass() {
    Grader grader = create(Map.of("type", "java", "class", MentionsGrader.Undeclared.class.getName()));

    assertThatThrownBy(() -> grader.grade(PREFIX, "anything"))
        .isInstanceOf(GraderException.class)
        .satisfies(e -> assertThat(((GraderException) e).reason()).isEqualTo("undeclared label"));
  }

  @Test
  void the_fingerprint_holds_class_version_and_settings() {
    Map<String, Object> refund = Map.of("type", "java", "provider", "mentions", "settings", Map.of("word", "refund"));
    Map<String, Object> policy = Map.of("type", "java", "provider", "mentions", "settings", Map.of("word", "policy"));

    String a = GraderFingerprint.of(spec(refund), create(refund));
    String again = GraderFingerprint.of(spec(refund), create(refund));
    String b = GraderFingerprint.of(spec(policy), create(policy));

    assertThat(a).isEqualTo(again).isNotEqualTo(b);
    assertThat(GraderFingerprint.material(spec(refund), create(refund)).get("procedure")).asString()
        .contains("class=" + MentionsGrader.class.getName(), "version=1", "settings={word=refund}");
  }
}
