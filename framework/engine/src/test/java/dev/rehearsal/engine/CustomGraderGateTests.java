package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.rehearsal.grade.GateLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * A gate whose category is decided by a team's own Java grader ({@code type: java}, see
 * {@code ForbiddenWordGrader}) runs like any other, and its lock pins the grader's class, version
 * and settings.
 */
class CustomGraderGateTests {

  @TempDir Path reports;

  @Test
  void a_custom_java_grader_decides_its_category_and_a_breach_blocks_the_release() {
    EngineExecutionResults results = Fixtures.run(Path.of("src/test/resources/custom/forbidden-word.gate.yaml").toAbsolutePath(), reports);

    results.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("custom-grader › weapons/bomb › all"), finishedWithFailure(
            instanceOf(AssertionFailedError.class), message(m -> m.contains("Threshold breached")
                && m.contains("category:   weapons/bomb") && m.contains("max-rate 10.00%") && m.contains("owner: trust-and-safety")))))
        .haveExactly(1, event(displayName("custom-grader › simulation health"), finishedSuccessfully()))
        .haveExactly(1, event(displayName("custom-grader › release decision"), finishedWithFailure(message(m -> m.contains("HOLD")))));
  }

  @Test
  void changed_custom_grader_settings_break_the_lock_with_the_usual_message() throws IOException {
    // given a gate frozen with word: bomb (inside the project, so its paths may resolve)
    Path dir = Files.createDirectories(Path.of("target/custom-lock-test").toAbsolutePath());
    Files.copy(Path.of("src/test/resources/inconclusive/chat-log.jsonl"), dir.resolve("chat-log.jsonl"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path gate = dir.resolve("custom.gate.yaml");
    String yaml = Files.readString(Path.of("src/test/resources/custom/forbidden-word.gate.yaml"))
        .replace("../inconclusive/chat-log.jsonl", "chat-log.jsonl");
    Files.writeString(gate, yaml);
    Files.deleteIfExists(GateLock.pathFor(gate));
    run(gate, true);
    assertThat(GateLock.pathFor(gate)).exists();

    // when the grader's settings change and the gate runs again
    Files.writeString(gate, yaml.replace("settings: { word: bomb }", "settings: { word: build }"));
    EngineExecutionResults changed = run(gate, false);

    // then the simulation health fails closed with the lock message
    changed.testEvents().assertThatEvents().haveExactly(1, event(displayName("custom-grader › simulation health"),
        finishedWithFailure(message(m -> m.contains("measurement not frozen as locked")
            && m.contains("grader 'words' changed since the gate was frozen") && m.contains(GateLock.REFREEZE_COMMAND)))));
  }

  private EngineExecutionResults run(Path gate, boolean refreeze) {
    return EngineTestKit.engine(Constants.ENGINE_ID)
        .enableImplicitConfigurationParameters(false)
        .configurationParameter(Constants.PROJECT_ROOT, Path.of("").toAbsolutePath().toString())
        .configurationParameter(Constants.DATA_ROOT, Path.of("").toAbsolutePath().toString())
        .configurationParameter(Constants.REPORTS_DIR, reports.toString())
        .configurationParameter(Constants.PRINT_DECISION, "false")
        .configurationParameter(Constants.REFREEZE, String.valueOf(refreeze))
        .selectors(selectFile(gate.toFile()))
        .execute();
  }
}
