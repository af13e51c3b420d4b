package dev.rehearsal.engine;

import static dev.rehearsal.engine.EngineKit.kit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.rehearsal.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Issue 12, item 1: two gate files with the same id used to merge silently into one node. */
class DuplicateGateIdTests {

  @Test
  void item1_duplicate_gate_ids_fail_discovery_naming_both_files() {
    // given two files that both declare 'gate: support-pass', and another gate
    EngineTestKit.Builder builder = kit(selectClasspathResource("gates/fixture/support-pass.gate.yaml"),
        selectFile(EngineKit.broken("duplicate/support-pass-copy.gate.yaml").toFile()),
        selectClasspathResource("gates/fixture/support-fail.gate.yaml"));

    // when discovering, then one issue names both files with positions
    var issues = builder.discover().getDiscoveryIssues();
    assertThat(issues).singleElement().satisfies(issue -> assertThat(issue.message())
        .contains("Gate id 'support-pass' is also used by")
        .contains("support-pass.gate.yaml:1:1").contains("support-pass-copy.gate.yaml:1:1"));

    // and when executing, the duplicate is a failing node while both distinct gates still run
    EngineExecutionResults results = builder.execute();
    assertThat(results.testEvents().failed().list()).anySatisfy(e -> {
      assertThat(e.getTestDescriptor().getDisplayName()).isEqualTo("invalid gate file support-pass-copy.gate.yaml");
      assertThat(e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable()).get()
          .isInstanceOf(SpecException.class);
    });
    assertThat(results.containerEvents().started().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
        .contains("support-pass", "support-fail");
  }

  @Test
  void the_same_file_selected_twice_is_not_a_duplicate() {
    EngineTestKit.Builder builder = kit(selectClasspathResource("gates/fixture/support-pass.gate.yaml"),
        selectClasspathResource("gates/fixture/support-pass.gate.yaml"));

    assertThat(builder.discover().getDiscoveryIssues()).isEmpty();
  }
}
