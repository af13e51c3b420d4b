package dev.rehearsal.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.FlaggedExample;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.report.ForestPlot;
import dev.rehearsal.report.TableRow;
import dev.rehearsal.report.Tables;
import dev.rehearsal.text.Utf8Files;
import io.qameta.allure.Allure;
import java.util.List;

/**
 * Attachments of one gate test. Model text goes only into {@code text/plain} attachments, which
 * Allure shows as text; the SVG and Markdown are built with every text node escaped. No attachment
 * is HTML.
 */
final class TestAttachments {

  private TestAttachments() {}

  static void apply(GateTestEvent e) {
    GateRun run = e.run();
    List<TableRow> rows = TableRow.of(run);
    if (e.category().isPresent()) {
      String id = e.category().get().category().id();
      boolean whole = e.kind() != GateTestEvent.Kind.SEGMENT;
      List<TableRow> mine = rows.stream().filter(r -> r.category().equals(id)).toList();
      List<FlaggedExample> examples = e.category().get().examples().stream()
          .filter(x -> whole || x.segment().equals(e.segment())).toList();
      attach("flagged examples (" + examples.size() + ", candidate)", "text/plain", examples(examples), ".txt");
      tables(mine, run.spec().id() + " › " + id);
    } else if (e.kind() == GateTestEvent.Kind.DECISION) {
      attach("decision table", "text/plain", InertText.of(DecisionTable.render(run)), ".txt");
      tables(rows, RunReports.plotTitle(run));
      manifest(run);
    } else {
      manifest(run);
    }
  }

  private static void tables(List<TableRow> rows, String title) {
    attach("forest plot", "image/svg+xml", ForestPlot.svg(title, rows), ".svg");
    attach("segment table (Markdown)", "text/markdown", Tables.markdown(rows), ".md");
    attach("segment table (CSV)", "text/csv", Tables.csv(rows), ".csv");
  }

  private static void manifest(GateRun run) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      attach("run manifest", "application/json", json.writeValueAsString(RunReports.manifest(json, run)), ".json");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The run manifest of gate " + run.spec().id() + " cannot be written as JSON", e);
    }
  }

  // Text made well-formed first: Allure encodes attachments as UTF-8, and an unpaired surrogate from
  // a reply must neither fail the report nor turn into a silent '?'.
  private static void attach(String name, String type, String content, String extension) {
    Allure.addAttachment(Utf8Files.wellFormed(name), type, Utf8Files.wellFormed(content), extension);
  }

  static String examples(List<FlaggedExample> examples) {
    if (examples.isEmpty()) {
      return "No flagged candidate responses in this scope.\n";
    }
    StringBuilder out = new StringBuilder("Flagged candidate responses (untrusted model text, shown as plain text)\n\n");
    for (FlaggedExample x : examples) {
      out.append("sample ").append(x.sampleId()).append(" · segment ").append(x.segment()).append('\n')
          .append("user:      ").append(x.lastUserTurn()).append('\n')
          .append("candidate: ").append(x.response()).append('\n')
          .append("evidence:  ").append(x.evidence()).append("\n\n");
    }
    return InertText.of(out.toString());
  }
}
