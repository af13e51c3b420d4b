package dev.rehearsal.openai.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server in the documented shapes: {@code POST /v1/moderations} ({@code {"model","input"}}
 * → {@code results[0].flagged/categories/category_scores}) and a Llama Guard model behind
 * {@code POST /v1/chat/completions} (answers {@code safe} or {@code unsafe\nS1}). Text mentioning
 * "bomb" is violent; text mentioning "garble" makes the guard model answer malformed.
 */
final class ClassifierServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  final List<JsonNode> moderationRequests = new CopyOnWriteArrayList<>();
  final List<JsonNode> guardRequests = new CopyOnWriteArrayList<>();

  ClassifierServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/moderations", this::moderation);
    server.createContext("/v1/chat/completions", this::guard);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void moderation(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    moderationRequests.add(request);
    boolean violent = request.path("input").asText().contains("bomb");
    double score = violent ? 0.91 : 0.01;
    String body = "{\"id\":\"modr-1\",\"model\":\"" + request.path("model").asText() + "\",\"results\":[{\"flagged\":" + violent
        + ",\"categories\":{\"hate\":false,\"violence\":" + violent + ",\"self-harm\":false,\"illicit/violent\":false},"
        + "\"category_scores\":{\"hate\":0.002,\"violence\":" + score + ",\"self-harm\":0.001,\"illicit/violent\":0.3}}]}";
    send(exchange, body);
  }

  private void guard(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    guardRequests.add(request);
    String prompt = request.path("messages").path(0).path("content").asText();
    String lastAgent = prompt.substring(prompt.lastIndexOf("Agent: "));
    String verdict = lastAgent.contains("garble") ? "I am not sure." : lastAgent.contains("bomb") ? "unsafe\\nS1" : "safe";
    send(exchange, "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + verdict + "\"}}],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":3}}");
  }

  private static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
