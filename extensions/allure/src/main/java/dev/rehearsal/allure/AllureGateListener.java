package dev.rehearsal.allure;

import dev.rehearsal.engine.spi.GateExecutionListener;
import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.run.GateRun;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Puts release gates into Allure: behaviours (epic = gate, feature = category group, story =
 * category), suites (gate › category › segment), severity, owner, failure class as tag,
 * parameters, a link to the spec line, pipeline steps, and attachments (flagged examples as plain
 * text, the segment table as CSV and Markdown, the forest plot as SVG, the run manifest as JSON).
 * Also writes {@code categories.json}, {@code environment.properties} and, in CI,
 * {@code executor.json} into the results directory. Registered through {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AllureGateListener implements GateExecutionListener {

  private final ResultsFiles files = new ResultsFiles(ResultsFiles.configuredDirectory(), System.getenv());

  @Override
  public void gateRehearsed(GateRun run) {
    files.write(run);
  }

  @Override
  public void testExecuting(GateTestEvent event) {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    java.util.Optional<String> uuid = lifecycle.getCurrentTestCase();
    if (uuid.isEmpty()) {
      return; // Allure's launcher listener is not registered: nothing to annotate.
    }
    if (event.outcome() != GateTestEvent.TestOutcome.PASSED) {
      ShortMessages.mark(uuid.get());
    }
    TestLabels.apply(lifecycle, event);
    TestSteps.apply(lifecycle, event.run());
    TestAttachments.apply(event);
  }

  @Override
  public List<String> reportLocations() {
    return List.of("Allure results: " + files.directory().toAbsolutePath()
        + " (HTML + release summary: mvn -B verify -Pexample-gate,reports; see docs/reports.md)");
  }

  /** The results directory this listener writes its run files to. */
  public Path resultsDirectory() {
    return files.directory();
  }
}
