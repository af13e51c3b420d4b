package dev.rehearsal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.text.Utf8Files;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The decision files of a gate run that ended {@link BatchPending pending}: {@code decision.txt}
 * and {@code decision.json} with {@code "decision": "pending"}, so a release summary or a CI step
 * reading them never sees a stale ship. Files of an earlier decided run in that folder are removed.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PendingReport {

  /** The decision word in {@code decision.json}. */
  public static final String DECISION = "pending";

  private PendingReport() {}

  /** Writes the files into {@code dir/<gate id>/} and returns that folder. */
  public static Path write(GateSpec spec, BatchPending pending, Path dir) throws IOException {
    Path out = dir.resolve(spec.id().replace('/', '_'));
    Files.createDirectories(out);
    for (String stale : java.util.List.of("segments.csv", "segments.md", "forest-plot.svg", ResultsJsonl.FILE)) {
      Files.deleteIfExists(out.resolve(stale));
    }
    Utf8Files.write(out.resolve("decision.txt"), dev.rehearsal.spec.Secrets.mask(text(spec, pending)));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode().put("schemaVersion", RunReports.SCHEMA_VERSION).put("gate", spec.id())
        .put("promise", spec.promise()).put("owner", spec.owner()).put("specFile", spec.file().toString())
        .put("decision", DECISION).put("message", pending.message());
    var arms = root.putArray("pending");
    pending.arms().forEach(a -> {
      ObjectNode arm = arms.addObject().put("arm", a.arm()).put("model", a.modelId()).put("outstanding", a.outstanding())
          .put("requests", a.requests()).put("submittedNow", a.submittedNow());
      a.batches().forEach(arm.putArray("batches")::add);
    });
    Utf8Files.write(out.resolve("decision.json"), dev.rehearsal.spec.Secrets.mask(json.writeValueAsString(root)));
    return out;
  }

  /** The console and {@code decision.txt} text. */
  public static String text(GateSpec spec, BatchPending pending) {
    return "Release decision for gate " + spec.id() + ": PENDING (gate owner " + spec.owner() + ")\n  promise: "
        + spec.promise() + "\n" + pending.message() + "\n";
  }
}
