package dev.rehearsal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.BatchPending;
import dev.rehearsal.run.PendingReport;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate that ended waiting for batch replies shows PENDING in the summary and never lets a release through. */
class PendingSummaryTests {

  @Test
  void pending_gate_is_shown_pending_and_counts_as_hold(@TempDir Path dir) throws Exception {
    // given the decision files of a pending gate
    Files.writeString(dir.resolve("log.jsonl"), "{\"id\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"assistant\",\"content\":\"hello\"}]}\n");
    Files.writeString(dir.resolve("p.gate.yaml"), """
        gate: pending-gate
        promise: Helps.
        owner: release-team
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 1, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { replay: logged }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%, on-breach: hold }
        """);
    var spec = new GateSpecLoader(new SpecContext(dir, dir, name -> Optional.empty())).load(dir.resolve("p.gate.yaml"));
    PendingReport.write(spec, new BatchPending("pending-gate", List.of(new BatchPending.Arm("candidate", "openai:m",
        List.of("batch_1 [in_progress]"), 5, 5, 5))), dir.resolve("runs"));

    // when the summary reads them
    List<GateReport> gates = GateReport.readAll(dir.resolve("runs"));

    // then the gate is PENDING, the release is not ship, and the message says why
    assertThat(gates.get(0).label()).isEqualTo("PENDING");
    assertThat(ReleaseSummary.overall(gates)).isEqualTo(Action.HOLD);
    assertThat(ReleaseSummaryMarkdown.render(gates)).contains("**PENDING**");
    assertThat(ReleaseSummary.render(gates)).contains(">PENDING</span>", "PENDING: batch batch_1 [in_progress] submitted");
  }
}
