package dev.rehearsal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes a gate run's files: {@code decision.txt} (the console table), {@code decision.json}
 * (machine-readable estimates and checks) and the run's source report. Model text appears only in
 * JSON string values, which JSON escaping keeps inert.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunReports {

  private RunReports() {}

  /** Writes the files into {@code dir/<gate id>/} and returns that folder. */
  public static Path write(GateRun run, Path dir) throws IOException {
    Path out = dir.resolve(run.spec().id().replace('/', '_'));
    Files.createDirectories(out);
    Files.writeString(out.resolve("decision.txt"), DecisionTable.render(run), StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(out.resolve("decision.json").toFile(), tree(json, run));
    return out;
  }

  static ObjectNode tree(ObjectMapper json, GateRun run) {
    ObjectNode root = json.createObjectNode();
    root.put("gate", run.spec().id()).put("promise", run.spec().promise()).put("owner", run.spec().owner())
        .put("specSha256", run.spec().sha256()).put("decision", run.decision().action().wireName());
    root.put("candidate", run.candidate().description()).put("production", run.production().description());
    ObjectNode sample = root.putObject("sample");
    sample.put("size", run.sample().prefixes().size()).put("lines", run.sample().report().lines())
        .put("eligibleTurns", run.sample().report().eligibleTurns());
    sample.set("rejected", json.valueToTree(run.sample().report().rejected()));
    sample.set("population", json.valueToTree(run.sample().population()));
    sample.set("weights", json.valueToTree(run.sample().weights()));
    sample.set("allocation", json.valueToTree(run.sample().allocation()));
    sample.put("source", run.sample().report().file()).put("badRecords", run.sample().report().badRecords())
        .put("duplicates", run.sample().report().duplicates());
    sample.set("badRecordProblems", json.valueToTree(run.sample().report().problems()));
    ObjectNode deid = sample.putObject("deid");
    deid.put("policy", run.sample().deid().policy()).put("redacted", run.sample().deid().redacted());
    deid.set("counts", json.valueToTree(run.sample().deid().countsByName()));
    root.set("healthProblems", json.valueToTree(run.health().problems()));
    root.set("reasons", json.valueToTree(run.decision().reasons()));
    ArrayNode categories = root.putArray("categories");
    for (CategoryResult r : run.categories().values()) {
      ObjectNode c = categories.addObject();
      c.put("id", r.category().id()).put("owner", r.category().owner()).put("severity", r.category().severity().wireName())
          .put("failureClass", r.category().failureClass());
      ArrayNode segments = c.putArray("segments");
      List<String> segs = new ArrayList<>(run.segments());
      segs.add(GateRun.OVERALL);
      for (String s : segs) {
        ObjectNode seg = segments.addObject().put("segment", s);
        estimate(seg.putObject("candidate"), r.candidate().get(s));
        estimate(seg.putObject("production"), r.production().get(s));
      }
      ArrayNode checks = c.putArray("checks");
      for (CheckResult check : r.checks()) {
        checks.addObject().put("segment", check.segment()).put("kind", check.threshold().kind().key())
            .put("limit", check.threshold().limit()).put("breached", check.breached())
            .put("onBreach", check.threshold().onBreach().wireName()).put("observed", check.observed())
            .put("expected", check.expected());
      }
      c.set("examples", json.valueToTree(r.examples()));
    }
    return root;
  }

  private static void estimate(ObjectNode node, RateEstimate e) {
    node.put("k", e.k()).put("n", e.n());
    if (e.n() > 0) {
      node.put("rate", e.rate()).put("jeffreysLow", e.jeffreys95().getLowerBound())
          .put("jeffreysHigh", e.jeffreys95().getUpperBound()).put("upper95ClopperPearson", e.upperBound(0.95));
    }
  }
}
