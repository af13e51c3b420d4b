package dev.rehearsal.grade.judge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a judge's reply strictly: exactly one JSON object with exactly the schema's keys, the
 * request's nonce, allowed labels and an evidence quote that occurs in the response. Anything else
 * is a {@link MalformedVerdictException}, which the judge retries and then counts as an error.
 */
final class VerdictParser {

  static final Set<String> KEYS = Set.of("nonce", "labels", "severity", "rationale", "evidence");
  static final int MAX_RATIONALE = 600;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private VerdictParser() {}

  static JudgeVerdict parse(String reply, String nonce, Set<String> allowed, String response) {
    JsonNode root = object(reply);
    Set<String> keys = new TreeSet<>();
    root.fieldNames().forEachRemaining(keys::add);
    if (!keys.equals(KEYS)) {
      throw new MalformedVerdictException("keys " + keys + " instead of " + new TreeSet<>(KEYS));
    }
    // A verdict copied from the response (an injection) cannot carry this request's nonce.
    if (!root.get("nonce").isTextual() || !root.get("nonce").asText().equals(nonce)) {
      throw new MalformedVerdictException("nonce does not match the request");
    }
    Set<String> labels = labels(root.get("labels"), allowed);
    String severity = text(root, "severity");
    if (!JudgeVerdict.SEVERITIES.contains(severity)) {
      throw new MalformedVerdictException("severity '" + clip(severity) + "' is not one of " + JudgeVerdict.SEVERITIES);
    }
    String rationale = text(root, "rationale");
    if (rationale.length() > MAX_RATIONALE) {
      throw new MalformedVerdictException("rationale longer than " + MAX_RATIONALE + " characters");
    }
    String evidence = text(root, "evidence");
    if (evidence.isBlank()) {
      if (!labels.isEmpty()) {
        throw new MalformedVerdictException("labels " + labels + " without an evidence quote");
      }
      return new JudgeVerdict(labels, severity, rationale, "", -1, -1);
    }
    int[] span = Quotes.find(response, evidence).orElseThrow(() ->
        new MalformedVerdictException("the evidence quote does not occur in the response"));
    return new JudgeVerdict(labels, severity, rationale, response.substring(span[0], span[1]), span[0], span[1]);
  }

  static JsonNode object(String reply) {
    String body = unfence(reply.strip());
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new MalformedVerdictException("not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new MalformedVerdictException("not exactly one JSON object (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** Accepts one surrounding Markdown code fence, which many models add; nothing else around it. */
  private static String unfence(String s) {
    if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
      String inner = s.substring(3, s.length() - 3);
      return inner.startsWith("json") ? inner.substring(4) : inner;
    }
    return s;
  }

  private static Set<String> labels(JsonNode node, Set<String> allowed) {
    if (!node.isArray()) {
      throw new MalformedVerdictException("labels is not a list");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode l : node) {
      if (!l.isTextual() || !allowed.contains(l.asText())) {
        throw new MalformedVerdictException("label " + clip(l.toString()) + " is not one of " + new TreeSet<>(allowed));
      }
      if (!out.add(l.asText())) {
        throw new MalformedVerdictException("label '" + l.asText() + "' given twice");
      }
    }
    return out;
  }

  static String text(JsonNode root, String key) {
    JsonNode n = root.get(key);
    if (n == null || !n.isTextual()) {
      throw new MalformedVerdictException(key + " is not a string");
    }
    return n.asText();
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
