package dev.rehearsal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.grade.Evidence;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Writes {@code results.jsonl}: one JSON line per sample × arm (sample order, production before
 * candidate) with the response or its error and each grader's labels, evidence and fingerprint.
 * Identical reruns write identical bytes: no timestamps, fixed field order, a deterministic run id.
 * Model text appears only in JSON string values. Field reference: docs/results.md.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResultsJsonl {

  /** The file name, beside {@code decision.json}. */
  public static final String FILE = "results.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsJsonl() {}

  /** Writes the run's items to {@code file}. */
  public static void write(GateRun run, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ItemResult item : run.items()) {
        w.write(JSON.writeValueAsString(line(run, item)));
        w.write('\n');
      }
    }
  }

  /** One item as its JSON line. */
  public static ObjectNode line(GateRun run, ItemResult item) {
    ObjectNode n = JSON.createObjectNode();
    n.put("gate", run.spec().id()).put("runId", run.runId()).put("sampleId", item.sampleId())
        .put("source", item.source()).put("segment", item.segment()).put("weight", item.weight())
        .put("arm", item.arm()).put("armDescription", item.armDescription());
    n.put("response", item.response().orElse(null));
    n.put("responseSha256", item.response().map(Items::sha256).orElse(null));
    n.put("error", item.error().orElse(null));
    ObjectNode grades = n.putObject("grades");
    item.grades().forEach((id, g) -> {
      ObjectNode gn = grades.putObject(id).put("fingerprint", g.fingerprint());
      ArrayNode labels = gn.putArray("labels");
      ArrayNode evidence = gn.putArray("evidence");
      g.verdict().ifPresent(v -> {
        v.labels().stream().sorted().forEach(labels::add);
        for (Evidence e : v.evidence()) {
          evidence.addObject().put("label", e.label()).put("span", e.span()).put("start", e.start()).put("end", e.end());
        }
      });
      gn.put("error", g.error().orElse(null));
    });
    return n;
  }
}
