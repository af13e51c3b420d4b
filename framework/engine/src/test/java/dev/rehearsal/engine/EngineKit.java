package dev.rehearsal.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Hermetic EngineTestKit runs of the Rehearsal engine with the project root set explicitly. */
final class EngineKit {

  private EngineKit() {}

  static Path projectRoot() {
    String root = System.getProperty("rehearsal.project-root");
    if (root != null && !root.isBlank()) {
      return Path.of(root).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".mvn"))) {
        return p;
      }
    }
    throw new IllegalStateException("Run from inside the project");
  }

  static Path engineModule() {
    return projectRoot().resolve("framework/engine");
  }

  static Path broken(String name) {
    return engineModule().resolve("src/test/broken-gates").resolve(name);
  }

  static EngineTestKit.Builder kit(DiscoverySelector... selectors) {
    return EngineTestKit.engine(Constants.ENGINE_ID)
        .enableImplicitConfigurationParameters(false)
        .configurationParameter(Constants.PROJECT_ROOT, projectRoot().toString())
        .configurationParameter(Constants.REPORTS_DIR, engineModule().resolve("target/rehearsal-tests").toString())
        .configurationParameter(Constants.PRINT_DECISION, "false")
        .selectors(selectors);
  }
}
