package dev.rehearsal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback server for Anthropic Message Batches, shaped after the API reference ("Create a
 * Message Batch", "Retrieve a Message Batch", "Retrieve Message Batch results"; checked
 * 2026-12-06 through the docs search): {@code POST /v1/messages/batches} takes {@code requests:
 * [{custom_id, params}]} and answers a {@code message_batch} with {@code processing_status:
 * "in_progress"} and {@code request_counts {processing, succeeded, errored, canceled, expired}};
 * {@code GET /v1/messages/batches/{id}} polls it (while {@link #hold} is set it stays in progress,
 * else it is {@code ended} with a {@code results_url}); the results are JSONL lines
 * {@code {custom_id, result: {type: succeeded, message} | {type: errored, error: {type, error:
 * {type, message}}} | {type: canceled} | {type: expired}}}.
 */
final class AnthropicBatchServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, List<JsonNode>> requests = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> batches = new ConcurrentHashMap<>();
  private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ids = new AtomicInteger();

  volatile boolean hold;
  /** The result type for a prompt: succeeded, errored, canceled or expired. */
  volatile Function<String, String> type = prompt -> "succeeded";
  /** The reply text for a prompt (the last message's text). */
  volatile Function<String, String> reply = prompt -> "answer to " + prompt;

  AnthropicBatchServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/messages/batches", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"2023-06-01".equals(exchange.getRequestHeaders().getFirst("anthropic-version"))) {
        send(exchange, 400, "{\"type\":\"error\"}".getBytes(StandardCharsets.UTF_8));
      } else if (exchange.getRequestMethod().equals("POST")) {
        send(exchange, 200, create(JSON.readTree(body)));
      } else if (path.endsWith("/results")) {
        send(exchange, 200, results(path.split("/")[4]));
      } else {
        ObjectNode batch = batches.get(path.substring(path.lastIndexOf('/') + 1));
        if (!hold && batch != null) {
          end(batch);
        }
        send(exchange, batch == null ? 404 : 200, batch == null ? new byte[0] : JSON.writeValueAsBytes(batch));
      }
    }
  }

  private byte[] create(JsonNode body) throws IOException {
    String id = "msgbatch_" + ids.incrementAndGet();
    List<JsonNode> list = new ArrayList<>();
    body.path("requests").forEach(r -> {
      list.add(r);
      received.add(r.path("custom_id").asText());
    });
    requests.put(id, list);
    ObjectNode batch = JSON.createObjectNode().put("id", id).put("type", "message_batch")
        .put("processing_status", "in_progress").putNull("results_url");
    batch.putObject("request_counts").put("processing", list.size()).put("succeeded", 0).put("errored", 0)
        .put("canceled", 0).put("expired", 0);
    batches.put(id, batch);
    return JSON.writeValueAsBytes(batch);
  }

  private void end(ObjectNode batch) {
    String id = batch.path("id").asText();
    ObjectNode counts = JSON.createObjectNode().put("processing", 0).put("succeeded", 0).put("errored", 0)
        .put("canceled", 0).put("expired", 0);
    requests.get(id).forEach(r -> {
      String t = type.apply(prompt(r));
      counts.put(t, counts.path(t).asInt() + 1);
    });
    batch.set("request_counts", counts);
    batch.put("processing_status", "ended").put("results_url", baseUrl() + "/messages/batches/" + id + "/results");
  }

  private byte[] results(String id) throws IOException {
    StringBuilder out = new StringBuilder();
    for (JsonNode r : requests.get(id)) {
      String prompt = prompt(r);
      String t = type.apply(prompt);
      ObjectNode line = JSON.createObjectNode().put("custom_id", r.path("custom_id").asText());
      ObjectNode result = line.putObject("result").put("type", t);
      if (t.equals("succeeded")) {
        ObjectNode message = result.putObject("message").put("id", "msg_1").put("type", "message")
            .put("role", "assistant").put("stop_reason", "end_turn");
        message.putArray("content").addObject().put("type", "text").put("text", reply.apply(prompt));
        message.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
      } else if (t.equals("errored")) {
        result.putObject("error").put("type", "error").putObject("error").put("type", "invalid_request_error")
            .put("message", "bad request");
      }
      out.append(JSON.writeValueAsString(line)).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String prompt(JsonNode request) {
    JsonNode messages = request.path("params").path("messages");
    JsonNode content = messages.get(messages.size() - 1).path("content");
    return content.isTextual() ? content.asText() : content.get(0).path("text").asText();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
