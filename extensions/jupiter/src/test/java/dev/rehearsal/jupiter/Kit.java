package dev.rehearsal.jupiter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture test classes on the Jupiter engine, hermetically, with the project root set. */
final class Kit {

  private Kit() {}

  static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("rehearsal.project-root", Path.of("").toAbsolutePath().toString())
        .configurationParameter("rehearsal.data-root", Path.of("").toAbsolutePath().toString())
        .selectors(selectClass(fixture))
        .execute();
  }
}
