package dev.rehearsal.openai.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.openai.OpenAiClientProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 that plays the judge: each Chat Completions
 * request is handed to a script that sees the parsed request and returns the assistant's text.
 */
final class JudgeServer implements AutoCloseable {

  static final String KEY_ENV = "JUDGE_TEST_KEY";
  static final String SECRET = "sk-judge-test-not-a-real-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NONCE = Pattern.compile("-([0-9a-f]{20})\\b");

  /** What the judge was asked. */
  record Asked(JsonNode body) {
    String system() {
      return body.path("messages").get(0).path("content").asText();
    }

    String user() {
      return body.path("messages").get(1).path("content").asText();
    }

    int messageCount() {
      return body.path("messages").size();
    }

    /** The nonce the framework put in the system message. */
    String nonce() {
      Matcher m = NONCE.matcher(system());
      return m.find() ? m.group(1) : "";
    }

    /** The decoded reply under judgement, read back from its JSON block. */
    String judgedReply() {
      String tag = "<reply-" + nonce() + ">\n";
      String u = user();
      String json = u.substring(u.indexOf(tag) + tag.length(), u.indexOf("\n</reply-" + nonce() + ">"));
      try {
        return JSON.readTree(json).asText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Asked> log = new CopyOnWriteArrayList<>();
  private final Function<Asked, String> judge;

  JudgeServer(Function<Asked, String> judge) {
    this.judge = judge;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A verdict JSON text bound to the request's nonce. */
  static String verdict(Asked asked, List<String> labels, String evidence) {
    ObjectNode v = JSON.createObjectNode();
    v.put("nonce", asked.nonce());
    labels.forEach(v.putArray("labels")::add);
    if (labels.isEmpty()) {
      v.putArray("labels");
    }
    v.put("severity", labels.isEmpty() ? "none" : "high");
    v.put("rationale", labels.isEmpty() ? "nothing found" : "the reply shows it");
    v.put("evidence", evidence);
    return v.toString();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<Asked> requests() {
    return List.copyOf(log);
  }

  /** The judge model's spec entry, pointing here. */
  ModelConfig config(String name) {
    Map<String, Object> settings = new HashMap<>(Map.of("base-url", baseUrl(), "model", "judge-test", "timeout", "5s"));
    return new ModelConfig(name, "openai", settings, Optional.of(KEY_ENV));
  }

  /** The real OpenAI client, its key from a fake environment. */
  static ModelClient client(ModelConfig config) {
    return new OpenAiClientProvider(Map.of(KEY_ENV, SECRET)::get).create(config);
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Asked asked = new Asked(body);
    log.add(asked);
    String content;
    try {
      content = judge.apply(asked);
    } catch (RuntimeException e) {
      content = "script failed: " + e;
    }
    ObjectNode reply = JSON.createObjectNode();
    ObjectNode choice = reply.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    reply.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20);
    byte[] bytes = JSON.writeValueAsBytes(reply);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
