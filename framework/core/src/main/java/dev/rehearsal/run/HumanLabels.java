package dev.rehearsal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People's labels of one category that an export compares with the grader: from the run store's
 * {@code labels} table (what {@code ReviewMain import} wrote) or from a plain labels file.
 *
 * <p>Store labels count only for the response they judged (sample id, arm and response hash), so a
 * regenerated answer is not compared with a label of its predecessor; several reviewers of one
 * response are combined by majority, a tie counting as positive, as the corrected estimate does.
 * The grader fingerprint a label was made under does not matter here: the label says what the
 * response is, and the export compares it with the verdict in the results file.
 *
 * @param byKey 1 (in the category) or 0 by {@code sampleId|arm} or, for store labels,
 *     {@code sampleId|arm|responseSha256}
 * @param byResponse whether keys carry the response hash
 * @param source where the labels came from, for the export's summary line
 */
record HumanLabels(Map<String, Integer> byKey, boolean byResponse, String source) {

  /** The human label of a results.jsonl line, if a person labelled that response. */
  Optional<Boolean> of(JsonNode line) {
    String key = line.path("sampleId").asText() + "|" + line.path("arm").asText()
        + (byResponse ? "|" + line.path("responseSha256").asText() : "");
    return Optional.ofNullable(byKey.get(key)).map(v -> v == 1);
  }

  /** The category's labels of {@code gate} in the run store at {@code file}. */
  static HumanLabels fromStore(Path file, String gate, String category) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--disagree store: no run store at " + file + "; import labels with ReviewMain"
          + " import (docs/review-and-correction.md) or pass --store FILE");
    }
    Map<String, int[]> votes = new LinkedHashMap<>();
    try (RunStore s = RunStore.open(file)) {
      List<LabelRow> rows = new LabelTable(s).labels(gate);
      for (LabelRow l : rows) {
        if (l.category().equals(category)) {
          int[] v = votes.computeIfAbsent(l.sampleId() + "|" + l.arm() + "|" + l.responseSha256(), k -> new int[2]);
          v[0] += l.positive() ? 1 : 0;
          v[1]++;
        }
      }
    }
    Map<String, Integer> byKey = new HashMap<>();
    votes.forEach((k, v) -> byKey.put(k, 2 * v[0] >= v[1] ? 1 : 0));
    return new HumanLabels(byKey, true, "run store " + file);
  }

  /** A labels file: {@code {"sampleId","arm","category","label":0|1}} per line; other categories are skipped. */
  static HumanLabels fromFile(Path file, String category) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode l = ResultsExportMain.read(line, file + ":" + n);
      if (!l.path("label").isInt() || l.path("label").asInt() > 1 || l.path("label").asInt() < 0) {
        throw new IllegalArgumentException(file + ":" + n + ": \"label\" must be 0 or 1");
      }
      if (l.path("category").asText().equals(category)) {
        out.put(l.path("sampleId").asText() + "|" + l.path("arm").asText(), l.path("label").asInt());
      }
    }
    return new HumanLabels(out, false, "labels file " + file);
  }

  /** How many labelled responses there are. */
  int size() {
    return byKey.size();
  }
}
