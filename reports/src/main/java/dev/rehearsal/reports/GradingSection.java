package dev.rehearsal.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The release summary's "grader error" lines from decision.json: each category's corrected per-arm
 * rates (with the sampling and grader-error parts of their uncertainty) and its grading warnings
 * ("grader never checked against people", "labels stale: fingerprint changed", reviewer disagreement).
 */
final class GradingSection {

  private GradingSection() {}

  /** Plain-text lines, to be escaped by the caller; empty when no category has grading information. */
  static List<String> lines(JsonNode decision) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : decision.path("categories")) {
      JsonNode g = c.path("grading");
      String id = c.path("id").asText();
      for (String arm : List.of("candidate", "production")) {
        if (g.has(arm)) {
          out.add(id + " (" + arm + "): corrected " + g.get(arm).path("text").asText() + " from "
              + g.path("source").asText() + "; decides on " + g.path("decidesOn").asText());
        }
      }
      if (g.has("agreement")) {
        out.add(id + ": reviewer agreement " + g.get("agreement").asText());
      }
      g.path("warnings").forEach(w -> out.add("WARNING: " + w.asText()));
    }
    return out;
  }
}
