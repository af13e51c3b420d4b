package dev.rehearsal.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * CSV rows of results.jsonl lines: every cell quoted (RFC 4180), and a cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, tab or carriage return) prefixed with {@code '}.
 */
final class CsvCells {

  private static final List<String> COLUMNS = List.of("gate", "runId", "sampleId", "source", "segment", "weight", "arm",
      "armDescription", "verdict", "labels", "evidence", "response", "responseSha256", "error");

  private CsvCells() {}

  static String header() {
    return String.join(",", COLUMNS) + "\r\n";
  }

  static String row(JsonNode line, String verdict) {
    StringBuilder labels = new StringBuilder();
    StringBuilder evidence = new StringBuilder();
    for (Map.Entry<String, JsonNode> g : line.path("grades").properties()) {
      g.getValue().path("labels").forEach(l -> labels.append(labels.length() == 0 ? "" : "; ").append(g.getKey())
          .append(':').append(l.asText()));
      g.getValue().path("evidence").forEach(e -> evidence.append(evidence.length() == 0 ? "" : "; ")
          .append(e.path("label").asText()).append(": ").append(e.path("span").asText()));
    }
    StringBuilder row = new StringBuilder();
    for (String c : COLUMNS) {
      String value = switch (c) {
        case "verdict" -> verdict;
        case "labels" -> labels.toString();
        case "evidence" -> evidence.toString();
        default -> line.path(c).isNull() || line.path(c).isMissingNode() ? "" : line.path(c).asText();
      };
      row.append(row.length() == 0 ? "" : ",").append(cell(value));
    }
    return row.append("\r\n").toString();
  }

  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
