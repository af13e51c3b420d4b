package dev.rehearsal.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.ArmCache;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.store.PostgresFixture;
import dev.rehearsal.run.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 3: whole gate runs sharing one PostgreSQL store, at once and after a kill -9. */
class SharedStoreGateTests {

  @TempDir
  Path project;

  private PostgresFixture store;

  @BeforeEach
  void newStore() throws Exception {
    store = new PostgresFixture();
    SharedGate.write(project);
  }

  @AfterEach
  void dropStore() throws Exception {
    store.close();
  }

  @Test
  void two_gate_runs_at_once_make_no_duplicate_model_call_and_both_get_every_reply() throws Exception {
    try (CountingModelServer server = new CountingModelServer()) {
      // given run a's first calls held at the model, and run b started while they are
      server.hold();
      CompletableFuture<GateRun> a = CompletableFuture.supplyAsync(() -> run(server));
      await(() -> server.received().size() >= 4, "run a's first 4 calls");
      CompletableFuture<GateRun> b = CompletableFuture.supplyAsync(() -> run(server));
      // b calls for keys that a has not claimed while a's 4 are still unanswered: the runs overlap
      await(() -> server.received().size() >= 8, "run b's first 4 calls");
      server.release();

      // when both finish
      GateRun first = a.get(120, TimeUnit.SECONDS);
      GateRun second = b.get(120, TimeUnit.SECONDS);

      // then the model saw each of the 200 prompts once, split between the runs, and neither lost a reply
      assertThat(server.received()).doesNotHaveDuplicates().hasSize(SharedGate.PROMPTS);
      ArmCache ca = first.candidate().cache().orElseThrow();
      ArmCache cb = second.candidate().cache().orElseThrow();
      assertThat(ca.calls()).isEqualTo(SharedGate.PROMPTS);
      assertThat(cb.calls()).isEqualTo(SharedGate.PROMPTS);
      assertThat((ca.calls() - ca.hits()) + (cb.calls() - cb.hits())).isEqualTo(SharedGate.PROMPTS);
      assertThat(ca.hits()).isLessThan(SharedGate.PROMPTS);
      assertThat(cb.hits()).isLessThan(SharedGate.PROMPTS);
      assertThat(second.candidate().responses()).isEqualTo(first.candidate().responses())
          .hasSize(SharedGate.PROMPTS);
      assertThat(first.candidate().errors()).isEmpty();
      assertThat(count("SELECT COUNT(*) FROM responses")).isEqualTo(SharedGate.PROMPTS);
      assertThat(count("SELECT COUNT(*) FROM claims")).isZero();
    }
  }

  @Test
  void kill_9_mid_run_then_rerun_asks_the_model_for_no_stored_reply() throws Exception {
    try (CountingModelServer server = new CountingModelServer()) {
      // given a gate run in another JVM, killed with calls in flight after 60 replies
      server.answerOnly(60);
      Process child = child(server);
      await(() -> server.received().size() >= 64, "the child's 60 answered and 4 stuck calls");
      await(() -> stored().size() >= 56, "the child storing its replies");
      child.destroyForcibly().waitFor();
      Set<String> stored = stored();
      int before = server.received().size();

      // when the gate runs again on the same store
      server.answerAll();
      GateRun rerun = run(server);

      // then no prompt whose reply was stored is asked again, and every other prompt once
      List<String> after = server.received().subList(before, server.received().size());
      assertThat(stored).hasSizeBetween(56, 60);
      assertThat(after).doesNotHaveDuplicates().hasSize(SharedGate.PROMPTS - stored.size())
          .doesNotContainAnyElementsOf(stored);
      assertThat(rerun.candidate().cache()).contains(new ArmCache(stored.size(), SharedGate.PROMPTS));
      assertThat(rerun.candidate().responses()).hasSize(SharedGate.PROMPTS);
      assertThat(rerun.candidate().errors()).isEmpty();
      assertThat(count("SELECT COUNT(*) FROM claims")).isZero();
    }
  }

  private GateRun run(CountingModelServer server) {
    try {
      return SharedGate.run(project, server.baseUrl(), store.url());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Process child(CountingModelServer server) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SharedGate.class.getName(), project.toString(),
        server.baseUrl(), store.url());
    builder.environment().put(RunStore.USER_ENV, PostgresFixture.env().apply(RunStore.USER_ENV));
    builder.environment().put(RunStore.PASSWORD_ENV, PostgresFixture.env().apply(RunStore.PASSWORD_ENV));
    Path out = Files.createTempFile(project, "child", ".out");
    return builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  /** The prompts whose replies the store holds. */
  private Set<String> stored() {
    Set<String> prompts = new HashSet<>();
    try (Connection c = store.raw(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT payload FROM responses")) {
      while (r.next()) {
        Matcher m = CountingModelServer.PROMPT.matcher(r.getString(1));
        if (m.find()) {
          prompts.add(m.group());
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return prompts;
  }

  private long count(String sql) throws Exception {
    try (Connection c = store.raw(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
