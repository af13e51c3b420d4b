package dev.rehearsal.openai.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A pending batch under the Rehearsal engine: the release decision fails, nothing passes, the files say PENDING. */
class BatchEngineTests {

  @TempDir Path dir;
  private final OpenAiBatchServer server = OpenAiBatchServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pending_batch_fails_the_release_decision_and_passes_no_test_then_a_rerun_decides() throws Exception {
    // given a gate in batch mode whose batches stay in progress
    Path gate = BatchGates.write(dir, 20, "", "2%");
    Files.writeString(gate, Files.readString(gate).replace("${BATCH_URL}", server.baseUrl()));
    server.hold = true;

    // when the engine runs it
    EngineExecutionResults pending = run(gate);

    // then the decision test fails with PENDING, the other tests abort, none passes, and the files say pending
    pending.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("batch-gate › release decision"), finishedWithFailure(
            message(m -> m.startsWith("Release decision for gate batch-gate: PENDING") && m.contains("40 requests outstanding")))))
        .haveExactly(1, event(displayName("batch-gate › simulation health"),
            abortedWithReason(message(m -> m.startsWith("PENDING: batch batch_")))));
    assertThat(pending.testEvents().succeeded().count()).isZero();
    assertThat(pending.testEvents().failed().count()).isEqualTo(1);
    JsonNode decision = new ObjectMapper().readTree(dir.resolve("reports/batch-gate/decision.json").toFile());
    assertThat(decision.path("decision").asText()).isEqualTo("pending");
    assertThat(decision.path("pending").get(0).path("outstanding").asLong()).isEqualTo(20);
    assertThat(Files.readString(dir.resolve("reports/batch-gate/decision.txt"))).contains(": PENDING");

    // when the batches end and the engine runs the gate again
    server.hold = false;
    EngineExecutionResults decided = run(gate);

    // then it decides ship on the collected replies, with nothing submitted twice
    decided.testEvents().assertThatEvents()
        .haveExactly(1, event(displayName("batch-gate › release decision"), finishedSuccessfully()));
    assertThat(decided.testEvents().failed().count()).isZero();
    assertThat(new ObjectMapper().readTree(dir.resolve("reports/batch-gate/decision.json").toFile())
        .path("decision").asText()).isEqualTo("ship");
    assertThat(server.received()).hasSize(40).doesNotHaveDuplicates();
  }

  private EngineExecutionResults run(Path gate) {
    return EngineTestKit.engine("rehearsal")
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("rehearsal.project-root", dir.toString())
        .configurationParameter("rehearsal.data-root", dir.toString())
        .configurationParameter("rehearsal.reports-dir", dir.resolve("reports").toString())
        .configurationParameter("rehearsal.store", dir.resolve("store.db").toString())
        .configurationParameter("rehearsal.print-decision", "false")
        .selectors(selectFile(gate.toFile()))
        .execute();
  }
}
