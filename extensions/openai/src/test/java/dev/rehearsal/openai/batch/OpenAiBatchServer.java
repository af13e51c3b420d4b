package dev.rehearsal.openai.batch;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A loopback server for the OpenAI Batch API, shaped after the documented endpoints (OpenAI API
 * reference, "Batch" and "Files"; checked 2026-12-06 through the docs search):
 *
 * <ul>
 *   <li>{@code POST /v1/files}, multipart with {@code purpose=batch} and {@code file}: a JSONL file
 *       whose lines are {@code {"custom_id", "method": "POST", "url": "/v1/chat/completions",
 *       "body"}}; answers a File object {@code {"id", "object": "file", "purpose": "batch"}}.
 *   <li>{@code POST /v1/batches} with {@code input_file_id}, {@code endpoint},
 *       {@code completion_window: "24h"} and {@code metadata}: answers a Batch object,
 *       {@code status: "validating"}.
 *   <li>{@code GET /v1/batches/{id}}: status one of validating, failed, in_progress, finalizing,
 *       completed, expired, cancelling, cancelled, with {@code request_counts {total, completed,
 *       failed}} and, once ended, {@code output_file_id} and {@code error_file_id}.
 *   <li>{@code GET /v1/batches?limit=N}: {@code {"object": "list", "data": [Batch...]}}.
 *   <li>{@code GET /v1/files/{id}/content}: output and error files; each line {@code {"id",
 *       "custom_id", "response": {"status_code", "request_id", "body"} | null, "error": {"code",
 *       "message"} | null}}. Requests of an expired batch that did not run are error lines with
 *       code {@code batch_expired} ("Batch expiration" in the Batch API guide); of a cancelled one,
 *       {@code batch_cancelled}.
 * </ul>
 *
 * <p>Every {@code custom_id} received in an uploaded file is logged, so a test can count duplicates.
 * While {@link #hold} is set, batches stay {@code in_progress}; otherwise a batch ends on its next
 * poll with {@link #terminal} status, running the first {@link #processed} requests.
 */
public final class OpenAiBatchServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> batches = new ConcurrentHashMap<>();
  private final Map<String, List<JsonNode>> inputs = new ConcurrentHashMap<>();
  private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();

  /** Batches stay in progress while true. */
  public volatile boolean hold;
  /** The status a batch ends with: completed, expired or cancelled. */
  public volatile String terminal = "completed";
  /** How many requests of a batch run before it ends (the rest expire or are cancelled). */
  public volatile int processed = Integer.MAX_VALUE;
  /** Prompts whose request fails inside the batch (HTTP 500 in the output line). */
  public volatile Predicate<String> failing = prompt -> false;
  /** The reply text for a prompt (the last message's content). */
  public volatile Function<String, String> reply = prompt -> "answer to " + prompt;

  /** A started server, for test fields: an I/O error starting it is unchecked. */
  public static OpenAiBatchServer start() {
    try {
      return new OpenAiBatchServer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public OpenAiBatchServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Every custom_id received, in arrival order. */
  public List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** custom_ids received more than once. */
  public long duplicates() {
    List<String> all = received();
    return all.size() - all.stream().distinct().count();
  }

  public int batchCount() {
    return batches.size();
  }

  public int polls() {
    return polls.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (method.equals("POST") && path.equals("/v1/files")) {
        send(exchange, 200, upload(exchange.getRequestHeaders().getFirst("Content-Type"), body));
      } else if (method.equals("POST") && path.equals("/v1/batches")) {
        send(exchange, 200, create(JSON.readTree(body)));
      } else if (method.equals("GET") && path.equals("/v1/batches")) {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        batches.values().forEach(b -> list.withArray("data").add(b));
        send(exchange, 200, JSON.writeValueAsBytes(list));
      } else if (method.equals("GET") && path.startsWith("/v1/batches/")) {
        ObjectNode batch = batches.get(path.substring("/v1/batches/".length()));
        send(exchange, batch == null ? 404 : 200, batch == null ? new byte[0] : poll(batch));
      } else if (method.equals("GET") && path.startsWith("/v1/files/") && path.endsWith("/content")) {
        byte[] file = files.get(path.substring("/v1/files/".length(), path.length() - "/content".length()));
        send(exchange, file == null ? 404 : 200, file == null ? new byte[0] : file);
      } else {
        send(exchange, 404, new byte[0]);
      }
    }
  }

  private byte[] upload(String contentType, byte[] body) throws IOException {
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
    String text = new String(body, StandardCharsets.UTF_8);
    if (!text.contains("name=\"purpose\"\r\n\r\nbatch\r\n")) {
      throw new IOException("upload without purpose=batch");
    }
    int start = text.indexOf("\r\n\r\n", text.indexOf("name=\"file\"")) + 4;
    int end = text.lastIndexOf("\r\n" + boundary + "--");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        lines.add(node);
        received.add(node.path("custom_id").asText());
      }
    }
    String id = "file-" + ids.incrementAndGet();
    inputs.put(id, lines);
    return JSON.writeValueAsBytes(JSON.createObjectNode().put("id", id).put("object", "file").put("purpose", "batch"));
  }

  private byte[] create(JsonNode request) throws IOException {
    String id = "batch_" + ids.incrementAndGet();
    ObjectNode batch = JSON.createObjectNode().put("id", id).put("object", "batch")
        .put("endpoint", request.path("endpoint").asText()).put("input_file_id", request.path("input_file_id").asText())
        .put("completion_window", request.path("completion_window").asText()).put("status", "validating");
    batch.putNull("output_file_id");
    batch.putNull("error_file_id");
    batch.set("metadata", request.path("metadata"));
    batch.putObject("request_counts").put("total", inputs.get(request.path("input_file_id").asText()).size())
        .put("completed", 0).put("failed", 0);
    batches.put(id, batch);
    return JSON.writeValueAsBytes(batch);
  }

  private synchronized byte[] poll(ObjectNode batch) throws IOException {
    polls.incrementAndGet();
    String status = batch.path("status").asText();
    if (status.equals("validating") || status.equals("in_progress")) {
      if (hold) {
        batch.put("status", "in_progress");
      } else {
        finish(batch);
      }
    }
    return JSON.writeValueAsBytes(batch);
  }

  /** Runs the batch: output lines for the processed requests, error lines for the rest. */
  private void finish(ObjectNode batch) {
    List<JsonNode> lines = inputs.get(batch.path("input_file_id").asText());
    StringBuilder output = new StringBuilder();
    StringBuilder errors = new StringBuilder();
    int completed = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      String customId = line.path("custom_id").asText();
      JsonNode messages = line.path("body").path("messages");
      String prompt = messages.get(messages.size() - 1).path("content").asText();
      if (i >= processed) {
        // Expired requests are error lines (code batch_expired); cancelled ones are left out, which
        // the client must count as missing.
        if (!terminal.equals("cancelled")) {
          errors.append(errorLine(customId, "batch_expired")).append('\n');
        }
      } else if (failing.test(prompt)) {
        output.append(line(customId, 500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
            + "\"code\":\"server_error\"}}")).append('\n');
      } else {
        completed++;
        output.append(line(customId, 200, chat(reply.apply(prompt)))).append('\n');
      }
    }
    batch.put("status", terminal);
    batch.put("output_file_id", file(output));
    batch.put("error_file_id", errors.length() == 0 ? null : file(errors));
    ((ObjectNode) batch.path("request_counts")).put("completed", completed).put("failed", lines.size() - completed);
  }

  private String file(StringBuilder content) {
    String id = "file-" + ids.incrementAndGet();
    files.put(id, content.toString().getBytes(StandardCharsets.UTF_8));
    return id;
  }

  private static String line(String customId, int status, String body) {
    return "{\"id\":\"batch_req_" + customId.substring(0, 8) + "\",\"custom_id\":\"" + customId
        + "\",\"response\":{\"status_code\":" + status + ",\"request_id\":\"req_1\",\"body\":" + body + "},\"error\":null}";
  }

  private static String errorLine(String customId, String code) {
    return "{\"id\":\"batch_req_" + customId.substring(0, 8) + "\",\"custom_id\":\"" + customId
        + "\",\"response\":null,\"error\":{\"code\":\"" + code + "\",\"message\":\"This request could not be executed"
        + " before the completion window expired.\"}}";
  }

  static String chat(String content) {
    Map<String, Object> message = new HashMap<>(Map.of("role", "assistant", "content", content));
    try {
      return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
          + "\"message\":" + JSON.writeValueAsString(message) + "}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
