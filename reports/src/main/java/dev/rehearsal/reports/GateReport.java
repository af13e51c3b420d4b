package dev.rehearsal.reports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.report.ComparisonRow;
import dev.rehearsal.report.TableRow;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * One gate's {@code decision.json} as the summary reads it.
 *
 * @param json the whole document
 * @param rows the decision table rows
 * @param folder the folder it was read from (with forest-plot.svg, segments.csv next to it)
 * @param comparisons the comparative rules as the comparison plot draws them (empty in older files)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateReport(JsonNode json, List<TableRow> rows, Path folder, List<ComparisonRow> comparisons) {

  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public GateReport {
    rows = List.copyOf(rows);
    comparisons = List.copyOf(comparisons);
  }

  /** A report without comparison rows. */
  public GateReport(JsonNode json, List<TableRow> rows, Path folder) {
    this(json, rows, folder, List.of());
  }

  /** Reads every {@code <runs>/<gate>/decision.json}, in gate-id order. */
  public static List<GateReport> readAll(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      throw new IOException("No gate runs at " + runs.toAbsolutePath() + ": run the gates first (mvn -B test -Pexample-gate)"
          + " or point --runs (-Drehearsal.runs) at the folder the engine wrote (rehearsal.reports-dir).");
    }
    List<GateReport> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path d : dirs.sorted().toList()) {
        Path f = d.resolve("decision.json");
        if (Files.isRegularFile(f)) {
          out.add(read(f));
        }
      }
    }
    return out;
  }

  static GateReport read(Path file) throws IOException {
    JsonNode json = JSON.readTree(file.toFile());
    int version = json.path("schemaVersion").asInt(1);
    if (version != RunReports.SCHEMA_VERSION) {
      throw new IOException(file + " has decision.json schema version " + version + "; this summary reads version "
          + RunReports.SCHEMA_VERSION + ". Re-run the gates with the same Rehearsal version.");
    }
    List<TableRow> rows = new ArrayList<>();
    for (JsonNode r : json.path("rows")) {
      rows.add(JSON.treeToValue(r, TableRow.class));
    }
    List<ComparisonRow> comparisons = new ArrayList<>();
    for (JsonNode c : json.path("comparisons")) {
      comparisons.add(JSON.treeToValue(c, ComparisonRow.class));
    }
    return new GateReport(json, rows, file.getParent(), comparisons);
  }

  public String gate() {
    return json.path("gate").asText();
  }

  /**
   * The gate's action; a gate still waiting for batch replies ({@code "pending"}) counts as hold: it
   * has no decision, so it must never let the release through.
   */
  public Action decision() {
    return pending() ? Action.HOLD
        : Action.valueOf(json.path("decision").asText().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** Whether the gate ended waiting for batch replies (docs/batch.md). */
  public boolean pending() {
    return dev.rehearsal.run.PendingReport.DECISION.equals(json.path("decision").asText());
  }

  /** What the summary shows for the gate: {@code PENDING}, or the action in capitals. */
  public String label() {
    return pending() ? "PENDING" : decision().wireName().toUpperCase(Locale.ROOT);
  }

  public String text(String field) {
    return json.path(field).asText("");
  }
}
