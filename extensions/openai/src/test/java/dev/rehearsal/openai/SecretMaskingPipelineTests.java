package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7: a secret in a base-url path and in the model name used to land in the model id,
 * the messages, decision.json and the store, and a reply echoing it was stored and reported.
 */
class SecretMaskingPipelineTests {

  static final String TOKEN = "tenant-SECRET-7f3a9c";
  static final String MODEL = "model-SECRET-b81d44";
  @TempDir Path project;
  LoopbackServer server = new LoopbackServer().otherwise(r -> LoopbackServer.Reply.json(LoopbackServer.chat(
      "Routing you via " + r.path() + " (echoing " + TOKEN + ")")));
  ByteArrayOutputStream console = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void item7_secrets_in_base_url_path_model_and_replies_reach_no_report_store_row_or_console()
      throws IOException, SQLException {
    // given a gate whose base-url path and model come from the environment, and a server echoing them
    Files.writeString(project.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
        + "{\"role\":\"assistant\",\"content\":\"Hello.\"}]}\n".repeat(5));
    Path gate = Files.writeString(project.resolve("secret.gate.yaml"), """
        gate: secret-masking
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 5, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${CANDIDATE_URL}/${TENANT_TOKEN}/v1", model: "${CANDIDATE_MODEL}" }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%, on-breach: hold }
        """);
    Map<String, String> env = Map.of("CANDIDATE_URL", server.baseUrl(), "TENANT_TOKEN", TOKEN, "CANDIDATE_MODEL", MODEL);
    GateSpec spec = new GateSpecLoader(new SpecContext(project, project, name -> Optional.ofNullable(env.get(name))))
        .load(gate);

    // when it runs with a store and writes its reports
    Path store = project.resolve(".rehearsal/store.db");
    GateRun run = new GateRunner(new RunOptions(Optional.of(store), false,
        new PrintStream(console, true, StandardCharsets.UTF_8), Duration.ofMillis(1))).run(spec);
    Path reports = RunReports.write(run, project.resolve("reports"));

    // then the secrets really were used, and appear nowhere
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.path()).contains(TOKEN));
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.body()).contains(MODEL));
    try (Stream<Path> files = Files.list(reports)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain(TOKEN, MODEL);
      }
    }
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN, MODEL);
    assertThat(storeText(store)).contains("${TENANT_TOKEN}").doesNotContain(TOKEN, MODEL);
  }

  private static String storeText(Path store) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
         ResultSet r = c.createStatement().executeQuery("SELECT model_id || ' ' || payload FROM responses"
             + " UNION ALL SELECT manifest_json FROM manifests")) {
      while (r.next()) {
        out.append(r.getString(1)).append('\n');
      }
    }
    return out.toString();
  }
}
