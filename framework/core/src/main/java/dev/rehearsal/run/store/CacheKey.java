package dev.rehearsal.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The content address of a model call: SHA-256 of the canonical JSON of the key version, the model
 * id (provider, model, scheme, host, port, path and query of the endpoint), the model entry's
 * answer-changing settings (everything but the runtime keys: deployment, api-version, sampling
 * parameters, headers...), the request parameters, the messages and the tools, plus the sample key
 * when sampling is random (temperature above 0, or not given, since APIs then default to 1).
 * Version 2 added the settings and the full endpoint (issue 12 item 2); version 1 entries miss.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CacheKey {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Bumped whenever what goes into a key changes, so older entries simply miss. */
  public static final int VERSION = 2;

  private CacheKey() {}

  public static String of(String modelId, ModelRequest request) {
    return of(modelId, Map.of(), request);
  }

  /** The key of {@code request} to the model {@code modelId} configured with {@code settings}. */
  public static String of(String modelId, Map<String, ?> settings, ModelRequest request) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("version", VERSION);
    content.put("model", modelId);
    content.put("settings", new TreeMap<>(settings));
    content.put("parameters", request.parameters());
    List<Object> messages = new ArrayList<>();
    request.messages().forEach(turn -> messages.add(message(turn)));
    content.put("messages", messages);
    Map<String, Object> tools = new TreeMap<>();
    request.tools().forEach((name, schema) -> tools.put(name, json(schema)));
    content.put("tools", tools);
    if (random(request.parameters().get("temperature"))) {
      content.put("sampleKey", request.sampleKey());
    }
    return CanonicalJson.sha256Of(content);
  }

  private static Map<String, Object> message(Turn turn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", turn.role().wireName());
    m.put("text", turn.text());
    List<Object> calls = new ArrayList<>();
    for (ToolCall call : turn.toolCalls()) {
      calls.add(Map.of("id", call.id(), "name", call.name(), "arguments",
          json(call.argumentsJson())));
    }
    m.put("toolCalls", calls);
    turn.toolCallId().ifPresent(id -> m.put("toolCallId", id));
    m.put("multimodal", turn.multimodal());
    return m;
  }

  /** Parsed JSON when the text is JSON (so key order does not matter), else the text itself. */
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
