package dev.rehearsal.openai.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.run.ArmCache;
import dev.rehearsal.run.BatchPendingException;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.Response;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gates whose arms use {@code mode: batch} against the loopback OpenAI batch server. */
class BatchGateTests {

  @TempDir Path dir;
  private final OpenAiBatchServer server = OpenAiBatchServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void submit_ends_pending_then_a_rerun_collects_and_decides_without_resubmitting() throws Exception {
    // given a gate whose batches stay in progress
    BatchGates.write(dir, 20, "", "2%");
    server.hold = true;

    // when the first run submits, then the batches end and the gate runs twice more
    assertThatThrownBy(() -> BatchGates.run(dir, server.baseUrl())).isInstanceOf(BatchPendingException.class)
        .hasMessageStartingWith("PENDING: batch ").hasMessageContaining("40 requests outstanding")
        .hasMessageContaining("the gate is not passed");
    server.hold = false;
    GateRun collected = BatchGates.run(dir, server.baseUrl());
    int pollsAfterCollect = server.polls();
    GateRun rerun = BatchGates.run(dir, server.baseUrl());

    // then each request was sent once, the collecting run decided on every reply, the rerun used the cache only
    assertThat(server.received()).hasSize(40);
    assertThat(server.duplicates()).isZero();
    assertThat(server.batchCount()).isEqualTo(2);
    assertThat(collected.candidate().responses().values()).hasSize(20)
        .allSatisfy(r -> assertThat(r.text().orElseThrow()).startsWith("answer to help me with task"));
    assertThat(collected.production().errorCount()).isZero();
    assertThat(collected.decision().action()).isEqualTo(Action.SHIP);
    assertThat(collected.candidate().cache()).contains(new ArmCache(0, 20));
    assertThat(rerun.candidate().cache()).contains(new ArmCache(20, 20));
    assertThat(server.polls()).isEqualTo(pollsAfterCollect);
  }

  @Test
  void expired_requests_are_counted_errors_and_only_they_are_submitted_again_later() throws Exception {
    // given batches that expire after running 5 of their 20 requests
    BatchGates.write(dir, 20, "", "10%");
    server.terminal = "expired";
    server.processed = 5;

    // when a run submits, a second collects, and a third runs after the provider recovered
    server.hold = true;
    assertThatThrownBy(() -> BatchGates.run(dir, server.baseUrl())).isInstanceOf(BatchPendingException.class);
    server.hold = false;
    GateRun collected = BatchGates.run(dir, server.baseUrl());
    server.terminal = "completed";
    server.processed = Integer.MAX_VALUE;
    server.hold = true;
    assertThatThrownBy(() -> BatchGates.run(dir, server.baseUrl())).isInstanceOf(BatchPendingException.class)
        .hasMessageContaining("30 requests outstanding");

    // then the 15 expired requests per arm are that run's counted errors, and only they went out again
    assertThat(collected.candidate().errorCount()).isEqualTo(15);
    assertThat(collected.candidate().errors()).hasSize(1).allSatisfy((reason, n) -> {
      assertThat(reason).startsWith("batch expired: batch_expired");
      assertThat(n).isEqualTo(15);
    });
    assertThat(collected.health().problems()).anySatisfy(p -> assertThat(p).contains("candidate arm errored on 15 of 20"));
    assertThat(collected.decision().action()).isEqualTo(Action.HOLD);
    List<String> received = server.received();
    assertThat(received).hasSize(40 + 30);
    assertThat(received.subList(40, 70)).doesNotHaveDuplicates()
        .noneMatch(id -> received.subList(0, 40).indexOf(id) % 20 < 5);
  }

  @Test
  void per_request_errors_of_a_completed_batch_count_against_the_error_bound() throws Exception {
    // given a batch in which two requests per arm fail with HTTP 500
    BatchGates.write(dir, 20, "", "5%");
    server.failing = prompt -> prompt.endsWith(" 3") || prompt.endsWith(" 13");

    // when a run submits and the next collects
    server.hold = true;
    assertThatThrownBy(() -> BatchGates.run(dir, server.baseUrl())).isInstanceOf(BatchPendingException.class);
    server.hold = false;
    GateRun collected = BatchGates.run(dir, server.baseUrl());

    // then the 18 good replies are graded and the 2 failures are counted and make the run unhealthy
    assertThat(collected.candidate().responses().values().stream().filter(r -> r.text().isPresent())).hasSize(18);
    assertThat(collected.production().errors()).hasSize(1).allSatisfy((reason, n) -> {
      assertThat(reason).startsWith("batch errored: HTTP 500 server_error");
      assertThat(n).isEqualTo(2);
    });
    assertThat(collected.health().problems()).anySatisfy(p -> assertThat(p).contains("production arm errored on 2 of 20"));
    assertThat(collected.decision().action()).isEqualTo(Action.HOLD);
  }

  @Test
  void cancelled_batch_counts_requests_without_a_result_as_errors() throws Exception {
    // given batches cancelled after 3 requests ran, whose other requests have no result line
    BatchGates.write(dir, 20, "", "2%");
    server.hold = true;
    assertThatThrownBy(() -> BatchGates.run(dir, server.baseUrl())).isInstanceOf(BatchPendingException.class);
    server.terminal = "cancelled";
    server.processed = 3;
    server.hold = false;

    // when the next run collects
    GateRun collected = BatchGates.run(dir, server.baseUrl());

    // then 3 replies per arm are used and 17 are counted errors
    Map<String, Response> answered = collected.candidate().responses();
    assertThat(answered.values().stream().filter(r -> r.text().isPresent())).hasSize(3);
    assertThat(collected.candidate().errors()).hasSize(1).allSatisfy((reason, n) -> {
      assertThat(reason).startsWith("batch cancelled without a result for this request");
      assertThat(n).isEqualTo(17);
    });
    assertThat(collected.decision().action()).isEqualTo(Action.HOLD);
  }

  @Test
  void max_wait_lets_one_run_submit_collect_and_decide() throws Exception {
    // given a gate that waits up to 30 s, polling every 10 ms
    BatchGates.write(dir, 20, ", batch: { max-wait: 30s, poll-interval: 10ms }", "2%");

    // when it runs once
    GateRun run = BatchGates.run(dir, server.baseUrl());

    // then it decided on 20 replies per arm from one batch per arm
    assertThat(run.decision().action()).isEqualTo(Action.SHIP);
    assertThat(run.candidate().responses()).hasSize(20);
    assertThat(server.received()).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void rejects_batch_mode_for_a_client_without_a_batch_endpoint_at_its_position() throws Exception {
    // given a scripted model entry in batch mode
    BatchGates.write(dir, 4, "", "2%");
    java.nio.file.Files.writeString(dir.resolve("batch.gate.yaml"), java.nio.file.Files.readString(
        dir.resolve("batch.gate.yaml")).replace("candidate: { client: openai, base-url: \"${BATCH_URL}\", model: cand-model,"
        + " temperature: 0, mode: batch }", "candidate: { client: scripted, default: ok, mode: batch }"));

    // when it loads, then the error names the entry, the line and the fix
    assertThatThrownBy(() -> BatchGates.load(dir, server.baseUrl())).isInstanceOf(SpecException.class)
        .hasMessageContaining("batch.gate.yaml:").hasMessageContaining("has no batch endpoint")
        .hasMessageContaining("remove 'mode: batch'");
  }

  @Test
  void rejects_an_unknown_batch_setting_and_lists_the_valid_ones() throws Exception {
    // given a misspelt key in the batch block
    BatchGates.write(dir, 4, ", batch: { max-wiat: 1m }", "2%");

    // when it loads, then the error lists the valid keys
    assertThatThrownBy(() -> BatchGates.load(dir, server.baseUrl())).isInstanceOf(SpecException.class)
        .hasMessageContaining("models.production.batch.max-wiat is not a batch setting")
        .hasMessageContaining("[max-requests, max-wait, poll-interval]");
  }

}
