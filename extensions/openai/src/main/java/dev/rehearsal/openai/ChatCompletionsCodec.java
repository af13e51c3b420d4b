package dev.rehearsal.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns requests into Chat Completions JSON and replies back; never quotes bodies in errors. */
final class ChatCompletionsCodec implements WireCodec {

  private static final Map<String, String> WIRE = Map.of("temperature", "temperature",
      "max-tokens", "max_tokens", "max-completion-tokens", "max_completion_tokens",
      "reasoning-effort", "reasoning_effort", "seed", "seed", "top-p", "top_p", "stop", "stop");

  private final ObjectMapper json;
  private final String endpoint;
  private final java.util.Optional<ChatStreamDecoder> stream;

  ChatCompletionsCodec(ObjectMapper json, String endpoint) {
    this(json, endpoint, false);
  }

  /** {@code stream}: ask for server-sent events with usage in the last chunk, and fold them. */
  ChatCompletionsCodec(ObjectMapper json, String endpoint, boolean stream) {
    this.json = json;
    this.endpoint = endpoint;
    this.stream = stream ? java.util.Optional.of(new ChatStreamDecoder(json, endpoint))
        : java.util.Optional.empty();
  }

  /**
   * Writes the request with Jackson's streaming generator straight into bytes: the same fields in
   * the same order as building an {@code ObjectNode} and serialising it, without the tree.
   */
  @Override
  public byte[] encode(String model, ModelRequest request, Map<String, Object> defaults) {
    ByteArrayBuilder out = new ByteArrayBuilder(512);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("model", model);
      g.writeArrayFieldStart("messages");
      for (Turn turn : request.messages()) {
        message(g, turn);
      }
      g.writeEndArray();
      Map<String, Object> parameters = request.parameters();
      if (defaults.containsKey("max-completion-tokens") && parameters.containsKey("max-tokens")) {
        // The entry chose max_completion_tokens: a per-request limit goes under that name too,
        // since a model that wants it rejects max_tokens.
        Map<String, Object> renamed = new java.util.HashMap<>(parameters);
        renamed.put("max-completion-tokens", renamed.remove("max-tokens"));
        parameters = renamed;
      }
      for (Map.Entry<String, String> e : WIRE.entrySet()) {
        String key = e.getKey();
        if (parameters.containsKey(key)) {
          g.writeFieldName(e.getValue());
          g.writeObject(parameters.get(key));
        } else if (defaults.containsKey(key)) {
          g.writeFieldName(e.getValue());
          g.writeObject(defaults.get(key));
        }
      }
      if (stream.isPresent()) {
        g.writeBooleanField("stream", true);
        g.writeObjectFieldStart("stream_options");
        g.writeBooleanField("include_usage", true);
        g.writeEndObject();
      }
      if (!request.tools().isEmpty()) {
        g.writeArrayFieldStart("tools");
        for (Map.Entry<String, String> tool : request.tools().entrySet()) {
          g.writeTree(tool(tool.getKey(), tool.getValue()));
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (JacksonException e) {
      throw new IllegalStateException("Cannot write request JSON for " + endpoint, e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void message(JsonGenerator g, Turn turn) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("role", turn.role().wireName());
    if (turn.toolCalls().isEmpty() || !turn.text().isEmpty()) {
      g.writeStringField("content", turn.text());
    } else {
      g.writeNullField("content");
    }
    if (turn.toolCallId().isPresent()) {
      g.writeStringField("tool_call_id", turn.toolCallId().get());
    }
    if (!turn.toolCalls().isEmpty()) {
      g.writeArrayFieldStart("tool_calls");
      for (ToolCall call : turn.toolCalls()) {
        g.writeStartObject();
        g.writeStringField("id", call.id());
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", call.name());
        g.writeStringField("arguments", call.argumentsJson());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** A tool schema is either the JSON schema of the parameters or {description, parameters}. */
  private ObjectNode tool(String name, String schema) {
    ObjectNode t = json.createObjectNode().put("type", "function");
    ObjectNode function = t.putObject("function").put("name", name);
    JsonNode parsed = readTree(schema.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    if (parsed.has("parameters")) {
      parsed.properties().forEach(e -> function.set(e.getKey(), e.getValue()));
      function.put("name", name);
    } else {
      function.set("parameters", parsed);
    }
    return t;
  }

  @Override
  public ModelReply decode(byte[] body, Duration latency) {
    if (stream.isPresent()) {
      return stream.get().decode(body, latency);
    }
    ModelReply fast = decodePlain(body, latency);
    return fast != null ? fast : decodeTree(body, latency);
  }

  /**
   * The common reply (choice 0 with string content, no tool calls, finish reason not
   * content_filter, integer usage) read with the streaming parser, without building a tree. Returns
   * null for anything else, including every malformed body, so that {@link #decodeTree} gives the
   * result and the error message.
   */
  private ModelReply decodePlain(byte[] body, Duration latency) {
    try (JsonParser p = json.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String content = null;
      String finish = "";
      long prompt = 0;
      long completion = 0;
      boolean choices = false;
      boolean usage = false;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("choices")) {
          if (choices || value != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
            return null;
          }
          choices = true;
          boolean message = false;
          boolean finishSeen = false;
          for (JsonToken c = p.nextToken(); c != JsonToken.END_OBJECT; c = p.nextToken()) {
            if (c != JsonToken.FIELD_NAME) {
              return null;
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("finish_reason")) {
              if (finishSeen || v != JsonToken.VALUE_STRING) {
                return null;
              }
              finishSeen = true;
              finish = p.getText();
            } else if (name.equals("message")) {
              if (message || v != JsonToken.START_OBJECT) {
                return null;
              }
              message = true;
              for (JsonToken m = p.nextToken(); m != JsonToken.END_OBJECT; m = p.nextToken()) {
                if (m != JsonToken.FIELD_NAME) {
                  return null;
                }
                String key = p.currentName();
                JsonToken mv = p.nextToken();
                if (key.equals("content")) {
                  if (content != null || mv != JsonToken.VALUE_STRING) {
                    return null;
                  }
                  content = p.getText();
                } else if (key.equals("tool_calls") || key.equals("refusal") && mv == JsonToken.VALUE_STRING) {
                  return null; // tool calls and API refusals are read from the tree
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          if (!message || finish.equals("content_filter")) {
            return null;
          }
          for (JsonToken rest = p.nextToken(); rest != JsonToken.END_ARRAY; rest = p.nextToken()) {
            if (rest == null) {
              return null;
            }
            p.skipChildren();
          }
        } else if (field.equals("usage")) {
          if (usage || value != JsonToken.START_OBJECT) {
            return null;
          }
          usage = true;
          for (JsonToken u = p.nextToken(); u != JsonToken.END_OBJECT; u = p.nextToken()) {
            if (u != JsonToken.FIELD_NAME) {
              return null;
            }
            String key = p.currentName();
            JsonToken uv = p.nextToken();
            if (key.equals("prompt_tokens") || key.equals("completion_tokens")) {
              if (uv != JsonToken.VALUE_NUMBER_INT
                  || p.getNumberType() != JsonParser.NumberType.INT
                  && p.getNumberType() != JsonParser.NumberType.LONG) {
                return null;
              }
              if (key.equals("prompt_tokens")) {
                prompt = p.getLongValue();
              } else {
                completion = p.getLongValue();
              }
            } else {
              p.skipChildren();
            }
          }
        } else {
          if (value == null) {
            return null;
          }
          p.skipChildren();
        }
      }
      if (!choices || content == null) {
        return null;
      }
      return new ModelReply(content, List.of(), finish, prompt, completion, latency, usage);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private ModelReply decodeTree(byte[] body, Duration latency) {
    JsonNode root = readTree(body, false);
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw HttpFailures.malformed("no choices in the reply", endpoint);
    }
    JsonNode choice = choices.get(0);
    String finish = choice.path("finish_reason").asText("");
    if (finish.equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter stopped the reply (finish_reason content_filter) at "
              + endpoint);
    }
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw HttpFailures.malformed("choice 0 has no message object", endpoint);
    }
    JsonNode usage = root.path("usage");
    if (message.path("refusal").isTextual()) {
      // The API refused (message.refusal, content null): a refused reply that graders see, not an error.
      return new ModelReply(message.path("refusal").asText(), List.of(), ModelReply.REFUSAL,
          usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0), latency,
          usage.isObject());
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode c : message.path("tool_calls")) {
      JsonNode f = c.path("function");
      calls.add(new ToolCall(c.path("id").asText(""), f.path("name").asText(""),
          f.path("arguments").isTextual() ? f.path("arguments").asText() : f.path("arguments").toString()));
    }
    return new ModelReply(message.path("content").asText(""), calls, finish,
        usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0), latency,
        usage.isObject());
  }

  /**
   * The server's {@code error.code} and {@code error.param} of a rejected request, e.g.
   * {@code "; error.code unsupported_parameter, error.param max_tokens"}, or "" when absent. Only
   * these two short identifiers are quoted (restricted to identifier characters and masked), never
   * the message, the body or headers.
   */
  @Override
  public String errorDetail(byte[] body) {
    try {
      JsonNode error = json.readTree(body).path("error");
      String code = identifier(error.path("code"));
      String param = identifier(error.path("param"));
      String detail = (code.isEmpty() ? "" : ", error.code " + code)
          + (param.isEmpty() ? "" : ", error.param " + param);
      return detail.isEmpty() ? "" : ";" + detail.substring(1);
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }

  private static String identifier(JsonNode node) {
    if (!node.isTextual() && !node.isNumber()) {
      return "";
    }
    String text = node.asText();
    if (text.length() > 80 || !text.matches("[A-Za-z0-9_.\\[\\]-]+")) {
      return text.isEmpty() ? "" : "(not shown)";
    }
    return dev.rehearsal.spec.Secrets.mask(text);
  }

  /** The short {@code error.code} of an error body, for classifying filtered prompts. */
  @Override
  public String errorCode(byte[] body) {
    try {
      return json.readTree(body).path("error").path("code").asText("");
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private JsonNode readTree(byte[] body, boolean schema) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw HttpFailures.malformed("body is not a JSON object (" + body.length + " bytes)",
            endpoint);
      }
      return node;
    } catch (JsonEOFException e) {
      throw HttpFailures.malformed("truncated JSON body (ended after " + body.length + " bytes)",
          endpoint);
    } catch (java.io.IOException e) {
      if (schema) {
        throw new IllegalArgumentException("A tool schema is not valid JSON: "
            + e.getClass().getSimpleName(), e);
      }
      throw HttpFailures.malformed("body is not valid JSON (" + e.getClass().getSimpleName()
          + " in " + body.length + " bytes)", endpoint);
    }
  }
}
