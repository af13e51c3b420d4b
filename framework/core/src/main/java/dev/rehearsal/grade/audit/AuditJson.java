package dev.rehearsal.grade.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Strict reading of an auditor reply: one JSON object (optionally in one code fence), no duplicates. */
final class AuditJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private AuditJson() {}

  static JsonNode object(String reply) {
    String s = reply.strip();
    if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
      s = s.substring(3, s.length() - 3);
      s = s.startsWith("json") ? s.substring(4) : s;
    }
    try {
      JsonNode root = JSON.readTree(s);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not exactly one JSON object");
    }
  }
}
