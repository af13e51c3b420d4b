package dev.rehearsal.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Path;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs committed fixture gates through EngineTestKit, hermetically. */
final class Fixtures {

  private Fixtures() {}

  static Path gate(String name) {
    return Path.of("src/test/resources/inconclusive", name + ".gate.yaml").toAbsolutePath();
  }

  static EngineExecutionResults run(Path gateFile, Path reportsDir) {
    return EngineTestKit.engine(Constants.ENGINE_ID)
        .enableImplicitConfigurationParameters(false)
        .configurationParameter(Constants.PROJECT_ROOT, Path.of("").toAbsolutePath().toString())
        .configurationParameter(Constants.DATA_ROOT, Path.of("").toAbsolutePath().toString())
        .configurationParameter(Constants.REPORTS_DIR, reportsDir.toString())
        .configurationParameter(Constants.PRINT_DECISION, "false")
        .selectors(selectFile(gateFile.toFile()))
        .execute();
  }
}
