package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cache keys must not change within a {@link CacheKey#VERSION}: users' stores hold replies under
 * them. The keys written straight into the digest are checked against the text-based computation
 * of version 2 (kept below as it was) and against a key written down when version 2 was current.
 */
class CacheKeyTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PIECES = {"", "a", "Hello, world. ", "\"", "\\", "/", "\b\t\n\f\r", "\u0000",
      "\u001f", "\u007f", "é", "日本語", "\u2028", "\ud83d\ude00", "\ud83d", "\ude00", "{\"k\": [1, 2.50]}", "null",
      "   ", "1e3", "{\"b\":1,\"a\":{\"y\":true,\"x\":null}}"};

  @Test
  void keeps_the_key_written_down_for_version_2() {
    ModelRequest request = new ModelRequest(List.of(new Turn(Role.SYSTEM, "Be brief.", List.of(), Optional.empty(),
        false), new Turn(Role.USER, "Où est \"la\" gare?\n", List.of(), Optional.empty(), true), new Turn(
        Role.ASSISTANT, "", List.of(new ToolCall("c1", "find", "{\"q\": \"gare\", \"n\": 2.0}")), Optional.empty(),
        false), new Turn(Role.TOOL, "{\"at\":\"nord\"}", List.of(), Optional.of("c1"), false)),
        Map.of("find", "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}"),
        Map.of("temperature", 0.7, "max_tokens", 256), "s-42");
    Map<String, Object> settings = Map.of("client", "openai", "model", "gpt-x", "extra", Map.of("b", 1.50, "a", List.of()));

    String key = CacheKey.of("openai:gpt-x@http://127.0.0.1:8080/v1", settings, request);

    assertThat(key).isEqualTo(textBased("openai:gpt-x@http://127.0.0.1:8080/v1", settings, request))
        .isEqualTo(new ModelKeys("openai:gpt-x@http://127.0.0.1:8080/v1", settings).of(request))
        // Computed by the text-based implementation of commit 06c61cd (loopback model id; no host is called).
        .isEqualTo("a112ebe26ed01e6057676d798e071ebb603c7181e07885683b0f5e7fe2c058b1");
  }

  @Test
  void gives_the_text_based_key_for_random_requests() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 20_000; i++) {
      String model = "openai:" + text(random) + "@http://127.0.0.1:" + random.nextInt(65536) + "/v1";
      Map<String, Object> settings = settings(random);
      ModelRequest request = request(random);
      assertThat(CacheKey.of(model, settings, request)).as("%s %s %s", model, settings, request)
          .isEqualTo(textBased(model, settings, request));
    }
  }

  @Test
  void model_keys_give_the_text_based_key_for_many_requests_of_one_entry() {
    SplittableRandom random = new SplittableRandom(3);
    for (int entry = 0; entry < 400; entry++) {
      String model = "openai:" + text(random) + "@http://127.0.0.1:" + random.nextInt(65536) + "/v1";
      Map<String, Object> settings = settings(random);
      ModelKeys keys = new ModelKeys(model, settings);
      // Requests of one arm share one parameter map; its encoded part is reused until another comes.
      List<Map<String, Object>> parameters = List.of(request(random).parameters(), request(random).parameters());
      for (int i = 0; i < 50; i++) {
        ModelRequest drawn = request(random);
        ModelRequest request = random.nextInt(3) == 0 ? drawn : new ModelRequest(drawn.messages(), drawn.tools(),
            parameters.get(random.nextInt(2)), drawn.sampleKey());
        assertThat(keys.of(request)).as("%s %s %s", model, settings, request)
            .isEqualTo(textBased(model, settings, request)).isEqualTo(CacheKey.of(model, settings, request));
      }
    }
  }

  private static ModelRequest request(SplittableRandom r) {
    List<Turn> turns = new ArrayList<>();
    for (int i = r.nextInt(1, 6); i > 0; i--) {
      List<ToolCall> calls = new ArrayList<>();
      for (int c = r.nextInt(4) == 0 ? r.nextInt(1, 3) : 0; c > 0; c--) {
        calls.add(new ToolCall(text(r), text(r), r.nextBoolean() ? jsonText(r) : text(r)));
      }
      turns.add(new Turn(Role.values()[r.nextInt(4)], text(r), calls,
          r.nextInt(4) == 0 ? Optional.of(text(r)) : Optional.empty(), r.nextInt(5) == 0));
    }
    Map<String, String> tools = new LinkedHashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      tools.put(text(r), r.nextBoolean() ? jsonText(r) : text(r));
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    Object[] temperatures = {0, 0.0, "0", 0.7, 1, "0.5", "warm", new BigDecimal("0.00"), 2.0f};
    if (r.nextInt(4) > 0) {
      parameters.put("temperature", temperatures[r.nextInt(temperatures.length)]);
    }
    if (r.nextBoolean()) {
      parameters.put("max_tokens", r.nextInt(1, 4096));
      parameters.put("top_p", r.nextDouble());
      parameters.put("stop", List.of(text(r), text(r)));
      parameters.put("seed", r.nextLong());
      parameters.put("response_format", Map.of("type", "json_object", "strict", r.nextBoolean()));
    }
    return new ModelRequest(turns, tools, parameters, text(r));
  }

  private static Map<String, Object> settings(SplittableRandom r) {
    Map<String, Object> settings = new TreeMap<>();
    settings.put("client", "openai");
    if (r.nextBoolean()) {
      settings.put("deployment", text(r));
      settings.put("api-version", "2024-06-01");
      settings.put("headers", Map.of("X-Team", text(r), "X-N", r.nextInt(100)));
      settings.put("weights", List.of(0.5, 1.0, new BigDecimal("2.50"), r.nextLong()));
      settings.put("strict", r.nextBoolean());
    }
    return settings;
  }

  /** JSON text with its keys in any order and spacing: a key must not depend on either. */
  private static String jsonText(SplittableRandom r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      m.put(text(r), switch (r.nextInt(5)) {
        case 0 -> r.nextInt();
        case 1 -> r.nextDouble() * 1000;
        case 2 -> List.of(text(r), r.nextBoolean());
        case 3 -> Map.of("n", new BigDecimal("1.500"), "s", text(r));
        default -> text(r);
      });
    }
    try {
      String text = JSON.writeValueAsString(m);
      return r.nextBoolean() ? text : text.replace(",", " ,\n ");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    // Now and then longer than the digest's short-text limit (32 characters), whose path differs.
    for (int i = r.nextInt(5) == 0 ? r.nextInt(10, 60) : r.nextInt(5); i > 0; i--) {
      s.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : PIECES[r.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  /** Version 2 as it was first computed: the content as maps, its canonical text, SHA-256. */
  private static String textBased(String modelId, Map<String, ?> settings, ModelRequest request) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("version", 2);
    content.put("model", modelId);
    content.put("settings", new TreeMap<>(settings));
    content.put("parameters", request.parameters());
    List<Object> messages = new ArrayList<>();
    for (Turn turn : request.messages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", turn.role().wireName());
      m.put("text", turn.text());
      List<Object> calls = new ArrayList<>();
      for (ToolCall call : turn.toolCalls()) {
        calls.add(Map.of("id", call.id(), "name", call.name(), "arguments", json(call.argumentsJson())));
      }
      m.put("toolCalls", calls);
      turn.toolCallId().ifPresent(id -> m.put("toolCallId", id));
      m.put("multimodal", turn.multimodal());
      messages.add(m);
    }
    content.put("messages", messages);
    Map<String, Object> tools = new TreeMap<>();
    request.tools().forEach((name, schema) -> tools.put(name, json(schema)));
    content.put("tools", tools);
    if (random(request.parameters().get("temperature"))) {
      content.put("sampleKey", request.sampleKey());
    }
    return CanonicalJson.sha256(CanonicalJson.of(content));
  }

  private static Object json(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node == null ? text : node;
    } catch (IOException e) {
      return text;
    }
  }

  private static boolean random(Object temperature) {
    if (temperature == null) {
      return true;
    }
    try {
      return Double.parseDouble(String.valueOf(temperature)) > 0;
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
