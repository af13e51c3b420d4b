package dev.rehearsal.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Applies categories.json rules the way each Allure does: Allure 2 (Java) matches a rule against the
 * whole message; Allure 3 (JavaScript) searches the message with {@code new RegExp(rule)} and takes
 * the first category that matches. The JavaScript side runs in a real Node.js when there is one.
 */
final class CategoryRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Allure 3's awesome report: first matching category, {@code new RegExp(rule).test(message)}; every rule must also compile in strict {@code u} mode. */
  static final String NODE_SCRIPT = """
      const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      for (const c of input.rules) { new RegExp(c.messageRegex, 'u'); }
      const out = input.results.map(r => {
        const hit = input.rules.find(c => c.matchedStatuses.includes(r.status) && new RegExp(c.messageRegex).test(r.message));
        return hit ? hit.name : null;
      });
      process.stdout.write(JSON.stringify(out));
      """;

  private CategoryRules() {}

  /** The names of every category whose rule matches the whole message, as Allure 2 assigns them. */
  static List<String> java(JsonNode rules, String status, String message) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : rules) {
      if (contains(c.path("matchedStatuses"), status) && Pattern.compile(c.path("messageRegex").asText()).matcher(message).matches()) {
        out.add(c.path("name").asText());
      }
    }
    return out;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first matching category per result under JavaScript's regex engine, or empty when no
   * {@code node} is on the PATH. A rule that is not valid JavaScript makes node fail, which fails the test.
   */
  static Optional<List<String>> javascript(JsonNode rules, List<JsonNode> results) throws IOException, InterruptedException {
    ObjectNode input = JSON.createObjectNode();
    input.set("rules", rules);
    ArrayNode rs = input.putArray("results");
    results.forEach(r -> rs.addObject().put("status", r.path("status").asText())
        .put("message", r.path("statusDetails").path("message").asText()));
    Process p;
    try {
      p = new ProcessBuilder("node", "-e", NODE_SCRIPT).redirectErrorStream(true).start();
    } catch (IOException noNode) {
      return Optional.empty();
    }
    p.getOutputStream().write(JSON.writeValueAsBytes(input));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("node rejected the category rules: " + out);
    }
    List<String> names = new ArrayList<>();
    JSON.readTree(out).forEach(n -> names.add(n.isNull() ? null : n.asText()));
    return Optional.of(names);
  }

  /** Constructs only Java and JavaScript read alike: no inline flags, quoting, possessive quantifiers or lookbehind. */
  static boolean portable(String regex) {
    return !regex.contains("(?") && !regex.contains("\\Q") && !regex.contains("\\E") && !regex.matches(".*[*+?}]\\+.*")
        && !regex.contains("\\A") && !regex.contains("\\Z") && !regex.contains("\\z");
  }
}
