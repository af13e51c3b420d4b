package dev.rehearsal.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code results.jsonl} lines an export keeps. Empty fields match everything.
 *
 * @param grader the category's grader (with {@code label}): verdicts are read from it alone
 * @param label the category's label
 * @param segment keep only this segment
 * @param arm keep only this arm
 * @param verdict {@code flagged}, {@code clean} or {@code error}
 * @param human the category's human labels: keep only items where they differ from the grader
 */
record ResultsFilter(Optional<String> grader, Optional<String> label, Optional<String> segment, Optional<String> arm,
    Optional<String> verdict, Optional<HumanLabels> human) {

  boolean keep(JsonNode line) {
    if (segment.isPresent() && !segment.get().equals(line.path("segment").asText())
        || arm.isPresent() && !arm.get().equals(line.path("arm").asText())) {
      return false;
    }
    if (verdict.isPresent() && !verdict.get().equals(verdictOf(line))) {
      return false;
    }
    if (human.isPresent()) {
      Optional<Boolean> h = human.get().of(line);
      String v = verdictOf(line);
      return h.isPresent() && !v.equals("error") && h.get() != v.equals("flagged");
    }
    return true;
  }

  /** {@code error} (no response or a failed grade), {@code flagged} or {@code clean}. */
  String verdictOf(JsonNode line) {
    if (!line.path("error").isNull() && !line.path("error").isMissingNode()) {
      return "error";
    }
    boolean flagged = false;
    for (Map.Entry<String, JsonNode> g : line.path("grades").properties()) {
      if (grader.isPresent() && !grader.get().equals(g.getKey())) {
        continue;
      }
      if (!g.getValue().path("error").isNull()) {
        return "error";
      }
      for (JsonNode l : g.getValue().path("labels")) {
        flagged |= label.map(x -> x.equals(l.asText())).orElse(true);
      }
    }
    return flagged ? "flagged" : "clean";
  }
}
