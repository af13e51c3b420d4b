package dev.rehearsal.openai.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed (kill -9) between submit and collect: the rerun collects and submits nothing again. */
class BatchKillTests {

  @TempDir Path dir;
  private final OpenAiBatchServer server = OpenAiBatchServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void kill_9_between_submit_and_collect_then_rerun_collects_without_resubmitting() throws Exception {
    // given a child JVM that submitted both arms' batches and is polling them (they stay in progress)
    BatchGates.write(dir, 20, ", batch: { max-wait: 10m, poll-interval: 20ms }", "2%");
    server.hold = true;
    Path output = dir.resolve("child.out");
    Process child = child(BatchGateMain.class, output);
    awaitOrFail(() -> server.batchCount() == 2 && server.polls() >= 6, Duration.ofSeconds(60), output);

    // when it is killed with SIGKILL, the batches end, and the gate runs again in this JVM
    child.destroyForcibly();
    assertThat(child.waitFor()).as("killed, not finished").isEqualTo(137);
    assertThat(Files.readString(output)).doesNotContain("decided");
    server.hold = false;
    GateRun rerun = BatchGates.run(dir, server.baseUrl());

    // then the rerun collected the child's batches: no custom_id reached the server twice
    assertThat(server.batchCount()).isEqualTo(2);
    assertThat(server.received()).hasSize(40);
    assertThat(server.duplicates()).isZero();
    assertThat(rerun.decision().action()).isEqualTo(Action.SHIP);
    assertThat(rerun.candidate().responses().values()).allSatisfy(r -> assertThat(r.text()).isPresent());
  }

  @Test
  void kill_9_while_a_batch_judge_waits_then_rerun_grades_on_its_verdicts_without_resubmitting() throws Exception {
    // given a child JVM that submitted the judge's batch and is polling it (it stays in progress)
    BatchJudgeTests.write(dir, server, "", BatchJudgeTests.SCRIPTED, ", batch: { max-wait: 10m, poll-interval: 20ms }");
    server.hold = true;
    Path output = dir.resolve("child.out");
    Process child = child(BatchJudgeMain.class, output);
    awaitOrFail(() -> server.batchCount() == 1 && server.polls() >= 3, Duration.ofSeconds(60), output);

    // when it is killed with SIGKILL, the batch ends, and the gate runs again in this JVM
    child.destroyForcibly();
    assertThat(child.waitFor()).as("killed, not finished").isEqualTo(137);
    assertThat(Files.readString(output)).doesNotContain("decided");
    server.hold = false;
    GateRun rerun = BatchJudgeTests.run(dir, server.baseUrl(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

    // then the rerun collected the child's batch and graded on it: no judge request reached the server twice
    assertThat(server.batchCount()).isEqualTo(1);
    assertThat(server.received()).hasSize(40);
    assertThat(server.duplicates()).isZero();
    assertThat(rerun.categories().get("disallowed/violence").candidate().get(GateRun.OVERALL).k()).isEqualTo(20);
    assertThat(rerun.decision().action()).isEqualTo(Action.HOLD);
  }

  private static void awaitOrFail(BooleanSupplier condition, Duration limit, Path output) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("child did not submit and poll within " + limit + ":\n" + Files.readString(output));
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  /** A child JVM on this test's class path running {@code main} on the gate folder and the server, output to {@code output}. */
  private Process child(Class<?> main, Path output) throws java.io.IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName(), dir.toString(), server.baseUrl())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }
}
