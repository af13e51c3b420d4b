package dev.rehearsal.reports;

import static dev.rehearsal.report.Escape.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.report.Tables;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The release summary as Markdown for a merge-request comment: decision, promise, blocking actions
 * with owners, inconclusive checks, the decision table and flagged examples. Every run string is
 * escaped so model text cannot add links, images, HTML or table cells to the comment.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleaseSummaryMarkdown {

  private ReleaseSummaryMarkdown() {}

  public static String render(List<GateReport> gates) {
    StringBuilder out = new StringBuilder("## Release summary: **")
        .append(ReleaseSummary.overall(gates).wireName().toUpperCase(Locale.ROOT)).append("**\n\n");
    for (GateReport g : gates) {
      JsonNode j = g.json();
      out.append("### Gate `").append(g.gate().replace("`", "'")).append("`: **")
          .append(g.label()).append("**\n\n")
          .append("- Promise: ").append(markdown(g.text("promise"))).append('\n')
          .append("- Gate owner: ").append(markdown(g.text("owner"))).append('\n')
          .append("- Candidate ").append(markdown(g.text("candidate"))).append(" vs production ")
          .append(markdown(g.text("production"))).append("\n\n");
      if (!j.path("blocking").isEmpty()) {
        out.append("| action | owner | category | segment | rule | verdict | observed |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode b : j.path("blocking")) {
          out.append("| **").append(markdown(b.path("onBreach").asText())).append("** | ").append(markdown(b.path("owner").asText()))
              .append(" | ").append(markdown(b.path("category").asText())).append(" | ").append(markdown(b.path("segment").asText()))
              .append(" | **").append(markdown(b.path("threshold").asText())).append("** | ").append(markdown(b.path("verdict").asText()))
              .append(" | ").append(markdown(b.path("observed").asText())).append(" |\n");
        }
        out.append('\n');
      }
      for (JsonNode c : j.path("inconclusive")) {
        out.append("- Not enough evidence: ").append(markdown(c.path("category").asText() + " / " + c.path("segment").asText()
            + " → " + c.path("verdict").asText() + " (owner " + c.path("owner").asText() + ")"))
            .append('\n');
      }
      GradingSection.lines(j).forEach(l -> out.append("- Grader error: ").append(markdown(l)).append('\n'));
      out.append("\n<details><summary>Decision table</summary>\n\n").append(Tables.markdown(g.rows())).append("\n</details>\n\n");
      examples(out, j);
    }
    return out.toString();
  }

  private static void examples(StringBuilder out, JsonNode j) {
    boolean any = false;
    for (JsonNode c : j.path("categories")) {
      for (JsonNode set : sets(c)) {
        if (!any) {
          out.append("<details><summary>Flagged examples per segment and arm, drawn at random (escaped model text)"
              + "</summary>\n\n");
          any = true;
        }
        out.append("- ").append(markdown(c.path("id").asText() + " · " + set.path("arm").asText() + " · "
            + set.path("segment").asText() + ": " + set.path("text").asText())).append('\n');
        for (JsonNode x : set.path("examples")) {
          out.append("  - ").append(markdown(x.path("sampleId").asText() + ": " + x.path("response").asText())).append('\n');
        }
      }
    }
    if (any) {
      out.append("\n</details>\n\n");
    }
  }

  /** The category's example sets; a decision.json without them (older runs) gives one candidate set. */
  static Iterable<JsonNode> sets(JsonNode category) {
    if (category.has("exampleSets")) {
      return category.path("exampleSets");
    }
    com.fasterxml.jackson.databind.node.ArrayNode legacy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    if (!category.path("examples").isEmpty()) {
      legacy.addObject().put("arm", "candidate").put("segment", "all")
          .put("text", category.path("examples").size() + " shown").set("examples", category.path("examples"));
    }
    return legacy;
  }
}
