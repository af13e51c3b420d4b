package dev.rehearsal.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.CanonicalDigest;
import java.io.IOException;
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
 * {@link ModelKeys} gives the same keys faster when one model entry's requests are keyed.
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

  /**
   * The key of {@code request} to the model {@code modelId} configured with {@code settings}: the
   * content written field by field into the digest, names in canonical (sorted) order, as
   * CanonicalJson.of would write it as maps (CacheKeyTests hold the two equal).
   */
  public static String of(String modelId, Map<String, ?> settings, ModelRequest request) {
    CanonicalDigest d = CanonicalDigest.start().beginObject().name("messages").beginArray();
    for (Turn turn : request.messages()) {
      message(d, turn);
    }
    d.endArray().name("model").value(modelId).name("parameters").value(request.parameters());
    if (random(request.parameters().get("temperature"))) {
      d.name("sampleKey").value(request.sampleKey());
    }
    return d.name("settings").value(settings).name("tools").value(tools(request)).name("version").value(VERSION)
        .endObject().finish();
  }

  /** The request's tools by name, each schema parsed when it is JSON. */
  static Map<String, Object> tools(ModelRequest request) {
    Map<String, Object> tools = new TreeMap<>();
    request.tools().forEach((name, schema) -> tools.put(name, json(schema)));
    return tools;
  }

  static void message(CanonicalDigest d, Turn turn) {
    d.beginObject().name("multimodal").value(turn.multimodal()).name("role").value(turn.role().wireName())
        .name("text").value(turn.text());
    turn.toolCallId().ifPresent(id -> d.name("toolCallId").value(id));
    d.name("toolCalls").beginArray();
    for (ToolCall call : turn.toolCalls()) {
      d.beginObject().name("arguments").value(json(call.argumentsJson())).name("id").value(call.id())
          .name("name").value(call.name()).endObject();
    }
    d.endArray().endObject();
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

  static boolean random(Object temperature) {
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
