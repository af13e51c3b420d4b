package dev.rehearsal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release summary's flagged examples on core's committed fixture gate {@code fixtures/examples}
 * (segment kN: N of 100 answers flagged in each arm): per segment and arm, min(k, 5) shown, "N of k".
 */
class SummaryExampleTests {

  static final Path FIXTURE = Path.of("../framework/core/src/test/resources/fixtures/examples/examples.gate.yaml")
      .toAbsolutePath().normalize();

  @Test
  void summary_shows_min_k_and_5_examples_per_segment_and_arm_and_says_n_of_k(@TempDir Path runs) throws Exception {
    GateRun run = new GateRunner().run(new GateSpecLoader(new SpecContext(FIXTURE.getParent(), FIXTURE.getParent(),
        name -> Optional.empty())).load(FIXTURE));
    RunReports.write(run, runs);

    String html = ReleaseSummary.render(GateReport.readAll(runs));
    String md = ReleaseSummaryMarkdown.render(GateReport.readAll(runs));

    for (int k : List.of(0, 1, 5, 81)) {
      int shown = Math.min(k, 5);
      for (String arm : List.of("candidate", "production")) {
        String heading = arm + " · tier-k" + k + ": " + shown + " of " + k + " flagged";
        assertThat(html).contains("<b>over-refusal</b> · " + heading);
        assertThat(md).contains(heading.replace("-", "\\-"));
        // The examples under this heading, up to the next heading.
        Matcher m = Pattern.compile(Pattern.quote(heading) + "</p>\n((?:<pre>[\\s\\S]*?</pre>\n)*)").matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1).split("<pre>", -1)).hasSize(shown + 1);
      }
    }
  }
}
