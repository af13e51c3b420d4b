package dev.rehearsal.openai.judge;

import static dev.rehearsal.openai.judge.JudgeServer.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every item kept, end to end on the committed fixture gate {@code fixtures/items}: a replay arm, a
 * scripted arm, a rule grader and a judge on a real loopback server; results.jsonl and the run
 * store's tables hold the same sample × arm rows, and a rerun is served from the grade cache.
 */
class ItemsEndToEndTests {

  @TempDir Path project;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void copy_fixture() throws IOException, URISyntaxException {
    Path fixture = Path.of(getClass().getResource("/fixtures/items/items.gate.yaml").toURI()).getParent();
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = project.resolve(fixture.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
  }

  /** Flags violence when the judged reply says "hurt", quoting that span. */
  private static String judge(JudgeServer.Asked a) {
    return a.judgedReply().toLowerCase().contains("hurt") ? verdict(a, List.of("violence"), "hurt")
        : verdict(a, List.of(), "");
  }

  private GateRun run(JudgeServer server) {
    return run(server, false);
  }

  private GateRun run(JudgeServer server, boolean fresh) {
    SpecContext context = new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("JUDGE_URL", server.baseUrl()).get(name)));
    GateSpec spec = new GateSpecLoader(context).load(project.resolve("items.gate.yaml"));
    RunOptions options = new RunOptions(Optional.of(project.resolve("store.db")), fresh, System.out, Duration.ofSeconds(10));
    try {
      return new GateRunner(options).withGraderClients(JudgeServer::client).run(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void results_and_store_keep_every_sample_and_arm_and_a_rerun_makes_no_judge_calls() throws Exception {
    try (JudgeServer server = new JudgeServer(ItemsEndToEndTests::judge)) {
      // given a first run that grades 8 samples × 2 arms with the judge
      GateRun first = run(server);
      Path firstResults = RunReports.write(first, project.resolve("first")).resolve("results.jsonl");
      int firstCalls = server.requests().size();
      // 16 items, but both arms answer c1 with the same "I can't help with that.": same prefix, same
      // response, same fingerprint, so the second is a cache hit already in the first run.
      assertThat(firstCalls).isEqualTo(15);

      // then results.jsonl holds one line per sample × arm with verdicts and evidence
      List<JsonNode> lines = new ArrayList<>();
      for (String l : Files.readAllLines(firstResults, StandardCharsets.UTF_8)) {
        lines.add(json.readTree(l));
      }
      assertThat(lines).hasSize(16);
      JsonNode violent = lines.stream().filter(l -> l.get("response").asText().contains("Hurt him")).findFirst().orElseThrow();
      assertThat(violent.get("arm").asText()).isEqualTo("production");
      assertThat(violent.get("source").asText()).endsWith("log.jsonl:5");
      assertThat(violent.get("grades").get("harm").get("labels").toString()).isEqualTo("[\"violence\"]");
      assertThat(violent.get("grades").get("harm").get("evidence").get(0).get("span").asText()).isEqualTo("hurt");
      JsonNode scripted = lines.stream().filter(l -> l.get("arm").asText().equals("candidate")
          && l.get("response").asText().equals("I can't help with that.")).findFirst().orElseThrow();
      assertThat(scripted.get("grades").get("refusal").get("labels").toString()).isEqualTo("[\"refusal\"]");

      // and the store's tables hold the same rows
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("store.db"))) {
        List<String> stored = rows(c, "SELECT sample_id, arm, response_sha256, error FROM items WHERE run_id = '"
            + first.runId() + "' ORDER BY ordinal");
        List<String> written = lines.stream().map(l -> l.get("sampleId").asText() + "|" + l.get("arm").asText() + "|"
            + l.get("responseSha256").asText(null) + "|" + l.get("error").asText(null)).toList();
        assertThat(stored).isEqualTo(written);
        List<String> grades = rows(c, "SELECT sample_id, arm, grader, labels, evidence FROM item_grades"
            + " WHERE grader = 'harm' AND labels <> '[]' ORDER BY sample_id, arm");
        List<String> flagged = lines.stream().filter(l -> l.get("grades").get("harm").get("labels").size() > 0)
            .map(l -> l.get("sampleId").asText() + "|" + l.get("arm").asText() + "|harm|"
                + l.get("grades").get("harm").get("labels") + "|" + l.get("grades").get("harm").get("evidence"))
            .sorted().toList();
        assertThat(grades).isEqualTo(flagged).hasSize(4);
        assertThat(rows(c, "SELECT COUNT(*) FROM samples WHERE run_id = '" + first.runId() + "'")).containsExactly("8");
        assertThat(rows(c, "SELECT COUNT(*) FROM estimates WHERE run_id = '" + first.runId() + "'"))
            .containsExactly(String.valueOf(2 * 2 * 3));
        assertThat(rows(c, "SELECT version FROM store_version")).containsExactly("3");
      }

      // when the unchanged gate runs again
      GateRun second = run(server);
      Path secondResults = RunReports.write(second, project.resolve("second")).resolve("results.jsonl");

      // then the judge is never called and results.jsonl is byte-identical
      System.out.println("judge calls: first run " + firstCalls + ", rerun " + (server.requests().size() - firstCalls));
      assertThat(server.requests()).hasSize(firstCalls);
      assertThat(Files.readAllBytes(secondResults)).isEqualTo(Files.readAllBytes(firstResults));
    }
  }

  @Test
  void a_fresh_run_regrades_every_item_with_the_judge_instead_of_reading_the_grade_cache() throws Exception {
    try (JudgeServer server = new JudgeServer(ItemsEndToEndTests::judge)) {
      // given a first run that filled the grade cache (15 judge calls, one duplicate reply served from it)
      GateRun first = run(server);
      int firstCalls = server.requests().size();
      assertThat(firstCalls).isEqualTo(15);

      // when the unchanged gate runs with fresh (-Drehearsal.fresh)
      GateRun fresh = run(server, true);

      // then every one of the 16 sample × arm items is graded by the judge again, the duplicate included
      int freshCalls = server.requests().size() - firstCalls;
      System.out.println("judge calls: first run " + firstCalls + ", fresh rerun " + freshCalls);
      assertThat(freshCalls).isEqualTo(16);
      assertThat(fresh.items()).hasSameSizeAs(first.items());

      // and the fresh verdicts are written back, so a following ordinary run makes no judge calls
      run(server);
      assertThat(server.requests()).hasSize(firstCalls + freshCalls);
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          b.append(i > 1 ? "|" : "").append(r.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
