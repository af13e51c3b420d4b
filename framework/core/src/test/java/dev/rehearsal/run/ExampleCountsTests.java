package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flagged examples are drawn per segment and arm and say how many there are: on the committed
 * fixture {@code fixtures/examples}, segment kN has N flagged answers in each arm (N = 0, 1, 5, 81).
 */
class ExampleCountsTests {

  static final Path FIXTURE = Path.of("src/test/resources/fixtures/examples/examples.gate.yaml").toAbsolutePath();

  @TempDir Path reports;

  /** The fixture gate's run (also used by the Allure and release summary tests, from their modules). */
  public static GateRun run(Path gateFile) throws IOException {
    SpecContext context = new SpecContext(gateFile.getParent(), gateFile.getParent(), name -> Optional.empty());
    GateSpec spec = new GateSpecLoader(context).load(gateFile);
    return new GateRunner().run(spec);
  }

  @Test
  void each_segment_and_arm_shows_min_k_and_limit_examples_and_says_n_of_k() throws IOException {
    GateRun run = run(FIXTURE);

    JsonNode decision = new ObjectMapper().readTree(RunReports.write(run, reports).resolve("decision.json").toFile());

    JsonNode sets = decision.path("categories").get(0).path("exampleSets");
    assertThat(sets).hasSize(8);
    for (JsonNode set : sets) {
      int k = Integer.parseInt(set.path("segment").asText().replaceAll(".*k", ""));
      int shown = Math.min(k, GateRunner.MAX_EXAMPLES);
      assertThat(set.path("flagged").asInt()).as("%s", set).isEqualTo(k);
      assertThat(set.path("examples")).hasSize(shown);
      assertThat(set.path("text").asText()).isEqualTo(shown + " of " + k + " flagged");
      set.path("examples").forEach(x -> assertThat(x.path("segment").asText()).isEqualTo(set.path("segment").asText()));
      set.path("examples").forEach(x -> assertThat(x.path("arm").asText()).isEqualTo(set.path("arm").asText()));
    }
  }

  @Test
  void the_draw_is_random_with_the_seed_not_the_first_in_log_order() throws IOException {
    GateRun run = run(FIXTURE);

    ExampleSet k81 = run.categories().get("over-refusal").exampleSets().stream()
        .filter(s -> s.segment().endsWith("k81") && s.arm().equals("candidate")).findFirst().orElseThrow();

    // The first five flagged in log order are c300..c304; a uniform draw of 5 of 81 hits exactly
    // those with probability 1 / C(81, 5) ≈ 4e-8.
    assertThat(k81.shown().stream().map(FlaggedExample::sampleId).toList())
        .isNotEqualTo(java.util.List.of("c300#u0", "c301#u0", "c302#u0", "c303#u0", "c304#u0"));
    assertThat(run(FIXTURE).categories().get("over-refusal").exampleSets()).isEqualTo(
        run.categories().get("over-refusal").exampleSets());
  }
}
