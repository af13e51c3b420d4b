package dev.rehearsal.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.DecisionTable;
import dev.rehearsal.run.ExampleSet;
import dev.rehearsal.run.FlaggedExample;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GradingText;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.report.ComparisonPlot;
import dev.rehearsal.report.ComparisonRow;
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
      // Drawn per segment and arm (a seeded random draw); the whole-category tests show every segment's.
      List<ExampleSet> sets = e.category().get().exampleSets(whole ? GateRun.OVERALL : e.segment());
      attach("flagged examples (" + counts(sets) + ")", "text/plain", examples(sets), ".txt");
      tables(mine, run.spec().id() + " › " + id);
      if (e.kind() == GateTestEvent.Kind.COMPARISON) {
        comparisons(ComparisonRow.of(run).stream().filter(r -> r.category().equals(id)).toList(), run.spec().id() + " › " + id
            + ": each comparative rule with its interval and margin");
      }
      grading(e.category().get());
    } else if (e.kind() == GateTestEvent.Kind.DECISION) {
      attach("decision table", "text/plain", InertText.of(DecisionTable.render(run)), ".txt");
      tables(rows, RunReports.plotTitle(run));
      comparisons(ComparisonRow.of(run), RunReports.comparisonTitle(run));
      manifest(run);
    } else {
      manifest(run);
    }
  }

  /** The category's corrected rates and grading warnings, when there are any. */
  private static void grading(CategoryResult r) {
    List<String> lines = new java.util.ArrayList<>(GradingText.lines(r));
    r.grading().warnings().forEach(w -> lines.add("WARNING: " + w));
    if (!lines.isEmpty()) {
      String title = r.grading().unchecked() ? "grader error: never checked against people" : "grader error: "
          + r.grading().source() + ", decides on " + r.grading().decidesOn();
      Allure.addAttachment(title, "text/plain", InertText.of(String.join("\n", lines)), ".txt");
    }
  }

  private static void tables(List<TableRow> rows, String title) {
    attach("forest plot", "image/svg+xml", ForestPlot.svg(title, rows), ".svg");
    attach("segment table (Markdown)", "text/markdown", Tables.markdown(rows), ".md");
    attach("segment table (CSV)", "text/csv", Tables.csv(rows), ".csv");
  }

  private static void comparisons(List<ComparisonRow> rows, String title) {
    attach("comparison plot", "image/svg+xml", ComparisonPlot.svg(title, rows), ".svg");
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

  /** "candidate 5 of 81 flagged, production 1 of 1 flagged". */
  static String counts(List<ExampleSet> sets) {
    if (sets.isEmpty()) {
      return "none graded";
    }
    StringBuilder b = new StringBuilder();
    for (ExampleSet s : sets) {
      b.append(b.length() == 0 ? "" : ", ").append(s.arm()).append(' ').append(s.segment()).append(' ').append(s.countText());
    }
    return b.toString();
  }

  static String examples(List<ExampleSet> sets) {
    StringBuilder out = new StringBuilder("Flagged responses per segment and arm, drawn at random with the gate's seed"
        + " (untrusted model text, shown as plain text)\n\n");
    for (ExampleSet s : sets) {
      out.append("== ").append(s.heading()).append('\n');
      if (s.flagged() == 0) {
        out.append("No flagged ").append(s.arm()).append(" responses in this segment.\n");
      }
      for (FlaggedExample x : s.shown()) {
        out.append("sample ").append(x.sampleId()).append(" · segment ").append(x.segment()).append('\n')
            .append("user:      ").append(x.lastUserTurn()).append('\n')
            .append(x.arm()).append(": ").append(x.response()).append('\n')
            .append("evidence:  ").append(x.evidence()).append("\n");
      }
      out.append('\n');
    }
    return InertText.of(out.toString());
  }
}
