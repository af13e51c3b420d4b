package dev.rehearsal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.grade.Evidence;
import dev.rehearsal.run.store.Estimate;
import dev.rehearsal.run.store.ItemRow;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.text.LargeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a finished run into the run store: the run and its manifest, the samples, every item with
 * its grades, and the estimates per arm × category × segment. Each part is one transaction.
 */
final class StoredItems {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private StoredItems() {}

  static void write(RunStore store, GateRun run) {
    store.beginRun(run.runId(), run.spec().id());
    store.putManifest(run.runId(), run.spec().sha256(), RunReports.manifest(JSON, run).toString());
    List<String[]> samples = new ArrayList<>();
    for (Prefix p : run.sample().prefixes()) {
      samples.add(new String[] {p.sampleId(), Items.source(run.sample(), p), p.segment()});
    }
    store.putSamples(run.runId(), samples);
    store.putItems(run.runId(), run.items().stream().map(StoredItems::row).toList());
    store.putEstimates(estimates(run));
    store.finishRun(run.runId(), run.decision().action().wireName());
  }

  static ItemRow row(ItemResult i) {
    List<ItemRow.Grade> grades = new ArrayList<>();
    i.grades().forEach((id, g) -> {
      if (g.verdict().isPresent() && g.verdict().get().labels().isEmpty() && g.verdict().get().evidence().isEmpty()) {
        // Most verdicts are clean: skip building two empty JSON arrays for each of 10^5 rows.
        grades.add(new ItemRow.Grade(id, g.fingerprint(), "[]", "[]", g.error()));
        return;
      }
      ArrayNode labels = JSON.createArrayNode();
      ArrayNode evidence = JSON.createArrayNode();
      g.verdict().ifPresent(v -> {
        v.labels().stream().sorted().forEach(labels::add);
        for (Evidence e : v.evidence()) {
          evidence.addObject().put("label", e.label()).put("span", e.span()).put("start", e.start()).put("end", e.end());
        }
      });
      grades.add(new ItemRow.Grade(id, g.fingerprint(), labels.toString(), evidence.toString(), g.error()));
    });
    return new ItemRow(i.sampleId(), i.arm(), i.source(), i.segment(), i.weight(), i.armDescription(), i.response(),
        i.response().map(Items::sha256), i.error(), grades);
  }

  private static List<Estimate> estimates(GateRun run) {
    List<Estimate> out = new ArrayList<>();
    for (CategoryResult r : run.categories().values()) {
      add(out, run.runId(), run.production().name(), r.category().id(), r.production());
      add(out, run.runId(), run.candidate().name(), r.category().id(), r.candidate());
    }
    return out;
  }

  private static void add(List<Estimate> out, String runId, String arm, String category, Map<String, RateEstimate> bySegment) {
    new java.util.TreeMap<>(bySegment).forEach((segment, e) -> {
      double lower = e.n() > 0 ? e.jeffreys95().lower() : 0;
      double upper = e.n() > 0 ? e.jeffreys95().upper() : 1;
      out.add(new Estimate(runId, arm, category, segment, e.k(), e.n(), e.n() > 0 ? e.rate() : 0, lower, upper,
          "jeffreys-95"));
    });
  }

}
