package dev.rehearsal.run.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.text.LargeJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of {@code results.jsonl} (one sample × arm), read by the review loop; the fields it
 * needs of the contract in docs/results.md.
 *
 * @param sampleId the sample id
 * @param arm the arm's name
 * @param response the response text; empty when the arm errored
 * @param responseSha256 hash of the response
 * @param grades each grader's fingerprint and labels, by grader id
 */
record ResultLine(String sampleId, String arm, Optional<String> response, Optional<String> responseSha256,
    Map<String, Grade> grades) {

  private static final ObjectMapper JSON = LargeJson.mapper();

  /** A grader's outcome: its fingerprint, its labels, and whether it failed. */
  record Grade(String fingerprint, Set<String> labels, boolean failed) {}

  /** Reads every line; a malformed line stops with its file:line and what is wrong. */
  static List<ResultLine> read(Path file) throws IOException {
    List<ResultLine> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        number++;
        if (!line.isBlank()) {
          out.add(parse(line, file + ":" + number));
        }
      }
    }
    return out;
  }

  private static ResultLine parse(String line, String where) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not a JSON object (" + e.getOriginalMessage()
          + "). results.jsonl has one JSON object per line, as the gate run writes it.");
    }
    String sampleId = text(n, "sampleId", where);
    String arm = text(n, "arm", where);
    Map<String, Grade> grades = new LinkedHashMap<>();
    n.path("grades").properties().forEach(e -> {
      Set<String> labels = new TreeSet<>();
      e.getValue().path("labels").forEach(l -> labels.add(l.asText()));
      grades.put(e.getKey(), new Grade(e.getValue().path("fingerprint").asText(""), labels,
          e.getValue().hasNonNull("error")));
    });
    return new ResultLine(sampleId, arm, optional(n, "response"), optional(n, "responseSha256"), grades);
  }

  private static String text(JsonNode n, String field, String where) {
    if (!n.path(field).isTextual()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not a string.");
    }
    return n.get(field).asText();
  }

  private static Optional<String> optional(JsonNode n, String field) {
    return n.path(field).isTextual() ? Optional.of(n.get(field).asText()) : Optional.empty();
  }
}
