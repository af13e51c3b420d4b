package dev.rehearsal.engine;

import static dev.rehearsal.engine.EngineKit.kit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.rehearsal.spec.SpecException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A bad gate file is a discovery issue with its file position and a failing node, and the other
 * gates still run.
 */
class InvalidSpecTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown-key.gate.yaml   | 3 | 1  | Unknown key 'ownr'. Did you mean 'owner'?",
      "wrong-type.gate.yaml    | 7 | 19 | Expected a whole number but found 'lots'",
      "missing-key.gate.yaml   | 1 | 1  | Missing required key 'promise'",
      "missing-data.gate.yaml  | 6 | 44 | Data file not found",
      "escaping-path.gate.yaml | 6 | 44 | resolves outside the project root"})
  void bad_spec_is_a_discovery_issue_with_its_position_and_fails_while_other_gates_run(
      String file, int line, int column, String text) {
    EngineTestKit.Builder builder = kit(selectFile(EngineKit.broken(file).toFile()),
        selectClasspathResource("gates/fixture/support-pass.gate.yaml"));

    var issues = builder.discover().getDiscoveryIssues();
    assertThat(issues).singleElement().satisfies(issue -> {
      assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
      assertThat(issue.message()).contains(file + ":" + line + ":" + column).contains(text);
      assertThat(issue.source()).get().isInstanceOfSatisfying(FileSource.class, s -> {
        assertThat(s.getFile().getName()).isEqualTo(file);
        assertThat(s.getPosition()).hasValueSatisfying(p -> {
          assertThat(p.getLine()).isEqualTo(line);
          assertThat(p.getColumn()).hasValue(column);
        });
      });
    });

    EngineExecutionResults results = builder.execute();
    results.testEvents().failed().assertThatEvents().singleElement().satisfies(e -> {
      assertThat(e.getTestDescriptor().getDisplayName()).isEqualTo("invalid gate file " + file);
      assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable())
          .get().isInstanceOf(SpecException.class).extracting(Throwable::getMessage).asString().contains(text);
    });
    results.testEvents().succeeded().assertThatEvents().hasSize(10);
  }
}
