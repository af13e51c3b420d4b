package dev.rehearsal.grade.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Calibration results of a gate's graders in {@code <name>.gate.calibration.json} next to the gate
 * file and its lock, each stored with the grader's fingerprint: a result whose fingerprint differs
 * from the grader's current one is stale and is not returned.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CalibrationStore {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private CalibrationStore() {}

  /** The calibration file of a gate file. */
  public static Path pathFor(Path specFile) {
    String name = specFile.getFileName().toString().replaceFirst("\\.gate\\.ya?ml$", "").replaceFirst("\\.ya?ml$", "");
    return specFile.resolveSibling(name + ".gate.calibration.json");
  }

  /** Adds or replaces the report of {@code report.grader()} and label. */
  public static void write(Path specFile, CalibrationReport report) {
    Path file = pathFor(specFile);
    try {
      ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
      ObjectNode graders = root.has("graders") ? (ObjectNode) root.get("graders") : root.putObject("graders");
      AgreementTable t = report.table();
      ObjectNode r = graders.putObject(report.grader() + "/" + report.label());
      r.put("fingerprint", report.fingerprint()).put("label", report.label()).put("reference", report.reference())
          .put("confidence", report.confidence()).put("grader-errors", report.graderErrors());
      r.putObject("table").put("tp", t.truePositives()).put("fp", t.falsePositives()).put("fn", t.falseNegatives())
          .put("tn", t.trueNegatives());
      r.put("sensitivity", report.sensitivity().toString()).put("specificity", report.specificity().toString())
          .put("precision", report.precision().toString()).put("kappa", report.kappa().toString());
      dev.rehearsal.text.Utf8Files.write(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException | ClassCastException e) {
      throw new UncheckedIOException("Cannot update " + file + " (" + e.getClass().getSimpleName() + ")",
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The fingerprint a grader's label was calibrated under, current or stale, if the file has one. */
  public static Optional<String> fingerprint(Path specFile, String grader, String label) {
    Path file = pathFor(specFile);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode r = JSON.readTree(file.toFile()).path("graders").path(grader + "/" + label).path("fingerprint");
      return r.isTextual() ? Optional.of(r.asText()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The stored result of a grader's label, if present and measured with the same fingerprint. */
  public static Optional<CalibrationReport> read(Path specFile, String grader, String label, String fingerprint) {
    Path file = pathFor(specFile);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode r = JSON.readTree(file.toFile()).path("graders").path(grader + "/" + label);
      if (r.isMissingNode() || !r.path("fingerprint").asText().equals(fingerprint)) {
        return Optional.empty();
      }
      JsonNode t = r.path("table");
      return Optional.of(new CalibrationReport(grader, fingerprint, label, r.path("reference").asText(),
          new AgreementTable(t.path("tp").asInt(), t.path("fp").asInt(), t.path("fn").asInt(), t.path("tn").asInt()),
          r.path("grader-errors").asInt(), r.path("confidence").asDouble()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
