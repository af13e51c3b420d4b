package dev.rehearsal.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.ExampleSet;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The flagged-examples attachment of each segment test, on core's committed fixture gate
 * {@code fixtures/examples} (segment kN: N of 100 answers flagged in each arm). Regression: a
 * segment with 5, 10 or 81 flagged answers used to read "No flagged candidate responses in this
 * scope", because the examples were the first five of the whole sample in log order.
 */
class ExampleAttachmentTests {

  static final Path FIXTURE = Path.of("../../framework/core/src/test/resources/fixtures/examples/examples.gate.yaml")
      .toAbsolutePath().normalize();

  @Test
  void each_segment_attachment_shows_min_k_and_5_examples_per_arm_and_says_n_of_k() throws IOException {
    GateRun run = new GateRunner().run(new GateSpecLoader(new SpecContext(FIXTURE.getParent(), FIXTURE.getParent(),
        name -> Optional.empty())).load(FIXTURE));
    CategoryResult category = run.categories().get("over-refusal");

    for (int k : List.of(0, 1, 5, 81)) {
      String segment = "tier-k" + k;
      List<ExampleSet> sets = category.exampleSets(segment);
      String text = TestAttachments.examples(sets);
      int shown = Math.min(k, 5);

      assertThat(sets).extracting(ExampleSet::arm).containsExactly("candidate", "production");
      assertThat(TestAttachments.counts(sets)).isEqualTo("candidate " + segment + " " + shown + " of " + k
          + " flagged, production " + segment + " " + shown + " of " + k + " flagged");
      assertThat(text).contains("candidate · " + segment + ": " + shown + " of " + k + " flagged");
      assertThat(text.split("\ncandidate: ", -1)).hasSize(shown + 1);
      assertThat(text.split("\nproduction: ", -1)).hasSize(shown + 1);
      if (k > 0) {
        assertThat(text).doesNotContain("No flagged");
      } else {
        assertThat(text).contains("No flagged candidate responses in this segment.");
      }
    }
  }
}
