package dev.rehearsal.run.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.ResultsJsonl;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.ThresholdKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fixture gate of the review tests (fixtures/review), copied to a temporary project
 * with its own store, and the steps of the loop: run, export, label (the tests are the reviewer:
 * they know which responses refuse), import. Truth: candidate refuses 15%, production 20%; the
 * grader misses three quarters of production's refusals.
 */
abstract class ReviewFixture {

  static final Pattern REFUSAL = Pattern.compile("^(I can't|I will not)");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path gate;
  Path store;

  /** The fixture directory and gate file name under fixtures/. */
  String fixture() {
    return "review";
  }

  @BeforeEach
  void copyFixture() throws Exception {
    String gateFile = fixture() + ".gate.yaml";
    Path fixture = Path.of(getClass().getResource("/fixtures/" + fixture() + "/" + gateFile).toURI()).getParent();
    for (String name : List.of(gateFile, "log.jsonl")) {
      Files.copy(fixture.resolve(name), dir.resolve(name));
    }
    gate = dir.resolve(gateFile);
    store = dir.resolve(".rehearsal/store.db");
  }

  GateRun run() throws Exception {
    GateSpec spec = new GateSpecLoader(new SpecContext(dir, dir, k -> Optional.empty())).load(gate);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new GateRunner(new RunOptions(Optional.of(store), false, quiet, Duration.ofHours(1))).run(spec);
  }

  Path exportReview(GateRun run, double share) throws Exception {
    Path results = dir.resolve("results.jsonl");
    ResultsJsonl.write(run, results);
    Path out = dir.resolve("review");
    assertThat(review("export", gate.toString(), results.toString(), out.toString(), "--per-arm", "200", "--seed", "3",
        "--oversample-positives", Double.toString(share), "--store", store.toString())).isEqualTo(0);
    return out;
  }

  /** The reviewer: labels every exported item by what its response says. */
  static void label(Path exported, Path labels) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(exported)) {
      JsonNode n = JSON.readTree(line);
      boolean refused = REFUSAL.matcher(n.get("response").asText()).find();
      out.add(JSON.createObjectNode().put("item", n.get("item").asText()).put("label", refused ? "yes" : "no")
          .put("reviewer", "alice").put("labelledAt", "2026-12-06T00:00:00Z").toString());
    }
    Files.write(labels, out);
  }

  int review(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ReviewMain.run(dir, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    System.out.print(out.toString(StandardCharsets.UTF_8));
    System.out.print(err.toString(StandardCharsets.UTF_8));
    return code;
  }

  static CheckResult increase(GateRun run) {
    return run.categories().get("over-refusal").checks(GateRun.OVERALL).stream()
        .filter(c -> c.threshold().kind() == ThresholdKind.MAX_INCREASE).findFirst().orElseThrow();
  }
}
