package dev.rehearsal.reports;

import static dev.rehearsal.report.Escape.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.report.ComparisonPlot;
import dev.rehearsal.report.ForestPlot;
import dev.rehearsal.report.TableRow;
import dev.rehearsal.spec.Action;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The release summary as one standalone HTML page (inline CSS and SVG, no scripts, opens from disk):
 * decision, promise, what changed against production, where, how sure, who owns each action, the
 * forest plot and flagged examples. Every string from a run (model text above all) is HTML-escaped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleaseSummary {

  private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1180px;color:#1f2328}"
      + "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #d0d7de}h3{font-size:15px}"
      + "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #d0d7de;padding:3px 7px;text-align:left}"
      + "th{background:#f6f8fa}.badge{display:inline-block;padding:4px 12px;border-radius:6px;color:#fff;font-weight:bold}"
      + ".ship{background:#1a7f37}.repair{background:#9a6700}.narrow-rollout{background:#bc4c00}.hold{background:#cf222e}"
      + ".rollback{background:#82071e}.BREACH{color:#cf222e;font-weight:bold}pre{white-space:pre-wrap;background:#f6f8fa;"
      + "padding:8px;border-radius:6px}.muted{color:#57606a}";

  private ReleaseSummary() {}

  /** The overall decision: the most severe across gates. */
  public static Action overall(List<GateReport> gates) {
    return gates.stream().map(GateReport::decision).reduce(Action.SHIP, Action::max);
  }

  /**
   * {@code RELEASE HOLD}: the report name that heads the Allure overview, kept short so it fits on
   * one line there (each gate's decision is in the executor and environment widgets).
   */
  public static String headline(List<GateReport> gates) {
    return "RELEASE " + overall(gates).wireName().toUpperCase(Locale.ROOT);
  }

  public static String render(List<GateReport> gates) {
    Action overall = overall(gates);
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        + "<title>Release summary: " + html(overall.wireName().toUpperCase(Locale.ROOT)) + "</title><style>" + CSS
        + "</style></head><body>\n");
    out.append("<h1>Release summary <span class=\"badge ").append(overall.wireName()).append("\">")
        .append(overall.wireName().toUpperCase(Locale.ROOT)).append("</span></h1>\n<p class=\"muted\">")
        .append(gates.size()).append(" gate(s); the release takes the most severe action (rollback &gt; hold &gt; "
            + "narrow-rollout &gt; repair &gt; ship).</p>\n");
    gates.forEach(g -> gate(out, g));
    return out.append("</body></html>\n").toString();
  }

  private static void gate(StringBuilder out, GateReport g) {
    JsonNode j = g.json();
    out.append("<h2>Gate ").append(html(g.gate())).append(" <span class=\"badge ").append(g.decision().wireName())
        .append("\">").append(g.label()).append("</span></h2>\n");
    if (g.pending()) {
      out.append("<p><b>").append(html(g.text("message"))).append("</b></p>\n");
    }
    out.append("<p><b>Promise:</b> ").append(html(g.text("promise"))).append("<br><b>Gate owner:</b> ")
        .append(html(g.text("owner"))).append("<br><b>Candidate:</b> ").append(html(g.text("candidate")))
        .append(" &nbsp; <b>Production:</b> ").append(html(g.text("production"))).append("<br><span class=\"muted\">spec ")
        .append(html(g.text("specFile"))).append(" · sha256 ").append(html(g.text("specSha256"))).append("</span></p>\n");
    actions(out, j);
    grading(out, j);
    changes(out, g);
    out.append("<h3>How sure: rates with 95% intervals</h3>\n").append(ForestPlot.svg(g.gate(), g.rows()));
    if (!g.comparisons().isEmpty()) {
      out.append("<h3>Against production: each comparative rule with its interval and margin</h3>\n")
          .append(ComparisonPlot.svg(g.gate() + ": candidate vs production", g.comparisons()));
    }
    table(out, g.rows());
    examples(out, j);
  }

  private static void actions(StringBuilder out, JsonNode j) {
    out.append("<h3>Who owns each action</h3>\n");
    if (j.path("blocking").isEmpty() && j.path("healthProblems").isEmpty()) {
      out.append("<p>No threshold blocks this release.</p>\n");
    } else {
      out.append("<table><tr><th>action</th><th>owner</th><th>category</th><th>segment</th><th>breached rule</th><th>verdict</th>"
          + "<th>observed</th><th>rule in full</th></tr>\n");
      for (JsonNode h : j.path("healthProblems")) {
        out.append("<tr><td>hold</td><td>").append(html(j.path("owner").asText())).append("</td><td colspan=\"3\">simulation health</td><td colspan=\"2\">")
            .append(html(h.asText())).append("</td><td></td></tr>\n");
      }
      for (JsonNode b : j.path("blocking")) {
        out.append("<tr><td><b>").append(html(b.path("onBreach").asText())).append("</b></td><td>")
            .append(html(b.path("owner").asText())).append("</td><td>").append(html(b.path("category").asText()))
            .append("</td><td>").append(html(b.path("segment").asText())).append("</td><td><b>")
            .append(html(b.path("threshold").asText())).append("</b></td><td class=\"BREACH\">")
            .append(html(b.path("verdict").asText())).append("</td><td>").append(html(b.path("observed").asText()))
            .append("</td><td>").append(html(b.path("expected").asText())).append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    if (!j.path("inconclusive").isEmpty()) {
      out.append("<p><b>Not enough evidence</b> (min-samples not reached):</p><ul>\n");
      for (JsonNode c : j.path("inconclusive")) {
        out.append("<li>").append(html(c.path("category").asText() + " / " + c.path("segment").asText() + " → "
            + c.path("verdict").asText() + " (owner " + c.path("owner").asText() + "): " + c.path("observed").asText()))
            .append("</li>\n");
      }
      out.append("</ul>\n");
    }
  }

  private static void grading(StringBuilder out, JsonNode j) {
    List<String> lines = GradingSection.lines(j);
    if (!lines.isEmpty()) {
      out.append("<h3>Grader error</h3>\n<ul>\n");
      lines.forEach(l -> out.append("<li>").append(html(l)).append("</li>\n"));
      out.append("</ul>\n");
    }
  }

  private static void changes(StringBuilder out, GateReport g) {
    out.append("<h3>What changed against production, and where</h3>\n<table><tr><th>category</th><th>segment</th>"
        + "<th>production</th><th>candidate</th><th>change</th><th>verdict</th></tr>\n");
    for (TableRow r : g.rows()) {
      String change = r.n() == 0 || r.productionN() == 0 ? "n/a"
          : String.format(Locale.ROOT, "%+.2fpp", 100 * (r.rate() - r.productionRate()));
      out.append("<tr><td>").append(html(r.category())).append("</td><td>").append(html(r.segment())).append("</td><td>")
          .append(html(RateEstimate.percent(r.productionRate()))).append("</td><td>").append(html(RateEstimate.percent(r.rate())))
          .append("</td><td>").append(change).append("</td><td class=\"").append(html(r.verdict())).append("\">")
          .append(html(r.verdict())).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void table(StringBuilder out, List<TableRow> rows) {
    out.append("<h3>Decision table</h3>\n<table><tr><th>category</th><th>segment</th><th>n</th><th>candidate rate [95%]</th>"
        + "<th>production rate [95%]</th><th>threshold</th><th>verdict</th><th>action</th><th>owner</th></tr>\n");
    for (TableRow r : rows) {
      out.append("<tr>");
      for (String cell : List.of(r.category(), r.segment(), Integer.toString(r.n()), r.describeCandidate(),
          r.describeProduction(), r.threshold(), r.verdict(), r.action(), r.owner())) {
        out.append("<td").append(cell.equals("BREACH") ? " class=\"BREACH\"" : "").append('>').append(html(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  private static void examples(StringBuilder out, JsonNode j) {
    out.append("<h3>Flagged examples</h3>\n<p class=\"muted\">Per segment and arm, drawn at random with the gate's seed."
        + " Untrusted model text, shown escaped.</p>\n");
    boolean any = false;
    for (JsonNode c : j.path("categories")) {
      for (JsonNode set : ReleaseSummaryMarkdown.sets(c)) {
        any = true;
        out.append("<p><b>").append(html(c.path("id").asText())).append("</b> · ").append(html(set.path("arm").asText()))
            .append(" · ").append(html(set.path("segment").asText())).append(": ").append(html(set.path("text").asText()))
            .append("</p>\n");
        for (JsonNode x : set.path("examples")) {
          out.append("<pre>sample ").append(html(x.path("sampleId").asText())).append("\nuser: ")
              .append(html(x.path("lastUserTurn").asText())).append('\n').append(html(x.path("arm").asText("candidate")))
              .append(": ").append(html(x.path("response").asText())).append("</pre>\n");
        }
      }
    }
    if (!any) {
      out.append("<p>None.</p>\n");
    }
  }
}
