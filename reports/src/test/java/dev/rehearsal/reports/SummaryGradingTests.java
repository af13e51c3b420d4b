package dev.rehearsal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release summary shows each category's grader-error warning (core's fixture gate fixtures/review). */
class SummaryGradingTests {

  static final Path FIXTURE = Path.of("../framework/core/src/test/resources/fixtures/review/review.gate.yaml")
      .toAbsolutePath().normalize();

  @Test
  void summary_warns_that_a_grader_was_never_checked_against_people(@TempDir Path runs) throws Exception {
    GateRun run = new GateRunner().run(new GateSpecLoader(new SpecContext(FIXTURE.getParent(), FIXTURE.getParent(),
        name -> Optional.empty())).load(FIXTURE));
    RunReports.write(run, runs);

    String html = ReleaseSummary.render(GateReport.readAll(runs));
    String md = ReleaseSummaryMarkdown.render(GateReport.readAll(runs));

    assertThat(html).contains("<h3>Grader error</h3>")
        .contains("<li>WARNING: over-refusal: grader never checked against people: grader &#39;refusal-phrases&#39;");
    assertThat(md).contains("- Grader error: WARNING: over\\-refusal: grader never checked against people");
  }
}
