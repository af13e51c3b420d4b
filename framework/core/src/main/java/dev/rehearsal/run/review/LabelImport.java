package dev.rehearsal.run.review;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.ReviewItemRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads labels back from our JSONL or CSV or a Label Studio JSON export, un-blinds them through the
 * store's {@code review_items} and stores them in {@code labels}. Bad lines are reported with
 * file:line and counted; the good ones are still stored.
 */
final class LabelImport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What an import did.
   *
   * @param imported labels stored
   * @param unlabelled items left without a label (skipped)
   * @param errors one message per bad line, with file:line
   */
  record Outcome(int imported, int unlabelled, List<String> errors) {}

  /** One label as read, before un-blinding. */
  private record Read(String where, String item, Optional<String> label, Optional<String> reviewer,
      Optional<String> at) {}

  private LabelImport() {}

  static Outcome run(Path file, String gate, Optional<String> defaultReviewer, LabelTable table) throws IOException {
    List<String> errors = new ArrayList<>();
    List<Read> reads = read(file, errors);
    int imported = 0;
    int unlabelled = 0;
    for (Read r : reads) {
      if (r.label().isEmpty() || r.label().get().isBlank()) {
        unlabelled++;
        continue;
      }
      try {
        table.put(unblind(r, gate, defaultReviewer, table));
        imported++;
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    return new Outcome(imported, unlabelled, errors);
  }

  private static LabelRow unblind(Read r, String gate, Optional<String> defaultReviewer, LabelTable table) {
    ReviewItemRow key = table.item(r.item()).filter(k -> k.gate().equals(gate)).orElseThrow(() ->
        new IllegalArgumentException(r.where() + ": unknown review item '" + r.item() + "' for gate '" + gate
            + "'. Import into the store the sample was exported from (--store), and keep the 'item' column as exported."));
    String reviewer = r.reviewer().filter(s -> !s.isBlank()).or(() -> defaultReviewer).orElseThrow(() ->
        new IllegalArgumentException(r.where() + ": no reviewer. Fill the 'reviewer' field or pass --reviewer NAME."));
    return new LabelRow(gate, key.category(), key.sampleId(), key.arm(), key.responseSha256(),
        positive(r.label().get(), r.where()), reviewer, r.at().orElseGet(() -> Instant.now().toString()),
        key.graderFingerprint(), key.inclusionProbability());
  }

  static boolean positive(String label, String where) {
    return switch (label.trim().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "1", "y" -> true;
      case "no", "false", "0", "n" -> false;
      default -> throw new IllegalArgumentException(where + ": label '" + label.trim()
          + "' is not yes or no (also accepted: true/false, 1/0).");
    };
  }

  private static List<Read> read(Path file, List<String> errors) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return csv(file, errors);
    }
    return name.endsWith(".jsonl") ? jsonl(file, errors) : LabelStudioExport.read(file, errors);
  }

  private static List<Read> jsonl(Path file, List<String> errors) throws IOException {
    List<Read> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String where = file + ":" + (i + 1);
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(lines.get(i));
        if (!n.path("item").isTextual()) {
          errors.add(where + ": no 'item' string; keep the line as exported and fill in 'label'.");
          continue;
        }
        out.add(new Read(where, n.get("item").asText(), text(n.path("label")), text(n.path("reviewer")),
            text(n.path("labelledAt"))));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        errors.add(where + ": not a JSON object (" + e.getOriginalMessage() + ").");
      }
    }
    return out;
  }

  private static List<Read> csv(Path file, List<String> errors) throws IOException {
    List<Csv.Record> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    if (records.isEmpty()) {
      return List.of();
    }
    List<String> header = records.get(0).fields();
    int item = header.indexOf("item");
    int label = header.indexOf("label");
    int reviewer = header.indexOf("reviewer");
    if (item < 0 || label < 0) {
      errors.add(file + ":1: the header needs the columns 'item' and 'label' (found " + header + ").");
      return List.of();
    }
    List<Read> out = new ArrayList<>();
    for (Csv.Record r : records.subList(1, records.size())) {
      if (r.fields().size() != header.size()) {
        errors.add(file + ":" + r.line() + ": " + r.fields().size() + " fields where the header has " + header.size()
            + "; quote fields that contain commas or line breaks.");
        continue;
      }
      out.add(new Read(file + ":" + r.line(), r.fields().get(item), Optional.of(r.fields().get(label)),
          reviewer < 0 ? Optional.empty() : Optional.of(r.fields().get(reviewer)), Optional.empty()));
    }
    return out;
  }

  static Optional<String> text(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? Optional.empty() : Optional.of(n.asText());
  }

  /** Label Studio's JSON export: tasks with {@code annotations[].result[].value.choices}. */
  static final class LabelStudioExport {

    private LabelStudioExport() {}

    static List<Read> read(Path file, List<String> errors) throws IOException {
      List<Read> out = new ArrayList<>();
      try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
        if (p.nextToken() != JsonToken.START_ARRAY) {
          errors.add(file + ":1: a Label Studio JSON export is an array of tasks; export with format 'JSON'.");
          return out;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String where = file + ":" + p.currentTokenLocation().getLineNr();
          task(JSON.readTree(p), where, out, errors);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        errors.add(file + ":" + e.getLocation().getLineNr() + ": not valid JSON (" + e.getOriginalMessage() + ").");
      }
      return out;
    }

    private static void task(JsonNode task, String where, List<Read> out, List<String> errors) {
      if (!task.path("data").path("item").isTextual()) {
        errors.add(where + ": task without data.item; import the tasks Rehearsal exported.");
        return;
      }
      String item = task.get("data").get("item").asText();
      for (JsonNode a : task.path("annotations")) {
        if (a.path("was_cancelled").asBoolean(false)) {
          continue;
        }
        Optional<String> choice = Optional.empty();
        for (JsonNode r : a.path("result")) {
          if (r.path("value").path("choices").isArray() && !r.path("value").path("choices").isEmpty()) {
            choice = Optional.of(r.get("value").get("choices").get(0).asText());
          }
        }
        out.add(new Read(where, item, choice, reviewer(a.path("completed_by")), text(a.path("created_at"))));
      }
    }

    /** {@code completed_by} is a user id, or an object with an email in some exports. */
    private static Optional<String> reviewer(JsonNode by) {
      if (by.isObject()) {
        return text(by.path("email")).or(() -> text(by.path("id")).map(id -> "label-studio-user-" + id));
      }
      return text(by).map(id -> "label-studio-user-" + id);
    }
  }
}
