package dev.rehearsal.prefix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.text.LargeJson;
import java.io.IOException;
import java.util.Map;

/** Shared JSON reading for the line formats: one parse, a clear message, flat metadata. */
final class JsonRecords {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private JsonRecords() {}

  /** Parses a JSON object; a syntax error is a bad record, not an exception the run dies of. */
  static JsonNode object(String line) throws BadRecordException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new BadRecordException("not valid JSON (" + e.getClass().getSimpleName() + " at column "
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
              ? j.getLocation().getColumnNr() : -1) + ")");
    }
    if (node == null || !node.isObject()) {
      throw new BadRecordException("expected a JSON object per line");
    }
    return node;
  }

  /** Flattens nested objects into dotted keys ({@code {"a": {"b": 1}}} gives {@code a.b = 1}). */
  static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else if (node.isValueNode() && !node.isNull() && !prefix.isEmpty()) {
      out.put(prefix, node.asText());
    }
  }
}
