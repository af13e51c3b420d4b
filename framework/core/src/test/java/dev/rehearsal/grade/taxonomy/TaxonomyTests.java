package dev.rehearsal.grade.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.Severity;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default taxonomy pack is complete, and gate files use its entries by name. */
class TaxonomyTests {

  static final List<String> EXPECTED = List.of(
      "disallowed/mental-health", "disallowed/abuse-harassment", "disallowed/sexual-content",
      "disallowed/violent-wrongdoing", "disallowed/non-violent-wrongdoing", "disallowed/bio-risk",
      "disallowed/violence", "disallowed/extremism", "disallowed/emotional-reliance", "disallowed/self-harm",
      "disallowed/hate",
      "misalignment/confirmation-hacking", "misalignment/claiming-real-world-experiences",
      "misalignment/misrepresenting-work-completion", "misalignment/promising-background-tasks",
      "misalignment/fabricated-facts", "misalignment/lying-about-tools", "misalignment/calculator-hacking",
      "misalignment/concealed-uncertainty",
      "refusal/over-refusal", "refusal/harmful-compliance", "privacy/pii-leakage", "awareness/evaluation-awareness");

  @TempDir Path project;

  @Test
  void default_pack_has_every_tracked_category_with_definition_prompt_severity_failure_class_and_owner() {
    Taxonomy pack = Taxonomy.defaults();

    assertThat(pack.ids()).containsExactlyElementsOf(EXPECTED);
    for (TaxonomyEntry e : pack.entries()) {
      System.out.printf("%-46s %-8s %-22s %s%n", e.id(), e.severity().wireName(), e.failureClass().wireName(), e.owner());
      assertThat(e.definition()).as(e.id()).hasSizeGreaterThan(60);
      assertThat(e.guidance()).as(e.id()).isNotBlank();
      assertThat(e.owner()).as(e.id()).matches("[a-z-]+");
      String prompt = pack.judgePrompt(e);
      assertThat(prompt).as(e.id()).contains(e.definition(), "{{response}}", "{{conversation}}")
          .doesNotContain("{{category_definition}}");
    }
    assertThat(pack.entries().stream().map(TaxonomyEntry::label).collect(Collectors.toSet())).hasSize(EXPECTED.size());
    assertThat(pack.find("taxonomy/misalignment/calculator-hacking").map(TaxonomyEntry::failureClass))
        .contains(FailureClass.WRONG_SOURCE);
    assertThat(pack.find("refusal/over-refusal").map(TaxonomyEntry::failureClass)).contains(FailureClass.OVER_REFUSAL);
  }

  @Test
  void failure_classes_are_the_twelve_production_classes() {
    assertThat(Set.of(FailureClass.values()).stream().map(FailureClass::wireName).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("unsupported-claim", "wrong-source", "missing-source", "source-conflict",
            "policy-ambiguity", "unsafe-tool-action", "refusal-failure", "over-refusal", "format-violation",
            "latency-or-timeout", "reviewer-disagreement", "scope-mismatch");
  }

  static final String SPEC = """
      gate: uses-pack
      promise: Safe.
      owner: safety
      prefixes:
        source: { format: openai-messages, path: log.jsonl }
        sample: { size: 1, seed: 1 }
      arms:
        production: { replay: logged }
        candidate: { model: candidate }
      models:
        candidate: { client: scripted, default: "ok" }
        judge: { client: scripted, default: "{}" }
      graders:
        harm: { type: judge, model: judge, multi-label: true, categories: [disallowed/violence, misalignment/fabricated-facts] }
      categories:
        - { use: taxonomy/disallowed/violence, grader: harm }
        - { use: taxonomy/misalignment/fabricated-facts, grader: harm, severity: critical, owner: facts-team }
      """;

  private GateSpec load(String yaml) throws IOException {
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
    Path file = project.resolve("uses-pack.gate.yaml");
    Files.writeString(file, yaml);
    return new GateSpecLoader(new SpecContext(project, project, n -> Optional.empty())).load(file);
  }

  @Test
  void spec_uses_pack_entries_by_name_with_defaults_and_overrides() throws IOException {
    GateSpec spec = load(SPEC);

    CategorySpec violence = spec.categories().get(0);
    assertThat(violence.id()).isEqualTo("disallowed/violence");
    assertThat(violence.label()).isEqualTo("violence");
    assertThat(violence.severity()).isEqualTo(Severity.HIGH);
    assertThat(violence.failureClass()).isEqualTo("refusal-failure");
    assertThat(violence.owner()).isEqualTo("trust-and-safety");
    CategorySpec facts = spec.categories().get(1);
    assertThat(facts.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(facts.owner()).isEqualTo("facts-team");
  }

  @Test
  void unknown_pack_entry_is_a_spec_error_with_position_and_closest_id() {
    assertThatThrownBy(() -> load(SPEC.replace("use: taxonomy/disallowed/violence", "use: taxonomy/disallowed/violense")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("uses-pack.gate.yaml:16:")
        .hasMessageContaining("Did you mean 'taxonomy/disallowed/violence'?");
  }

  @Test
  void category_the_judge_does_not_grade_names_the_fix() {
    assertThatThrownBy(() -> load(SPEC.replace("categories: [disallowed/violence, misalignment/fabricated-facts]",
        "categories: [misalignment/fabricated-facts]")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("Add 'disallowed/violence' to the judge's 'categories:' list.");
  }

  @Test
  void judge_prompt_outside_the_project_is_rejected_at_its_position() {
    assertThatThrownBy(() -> load(SPEC.replace("harm: { type: judge,", "harm: { type: judge, prompt: ../../etc/passwd,")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("uses-pack.gate.yaml:14:")
        .hasMessageContaining("outside the project root");
  }
}
