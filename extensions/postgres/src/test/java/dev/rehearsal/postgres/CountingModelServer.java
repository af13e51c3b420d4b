package dev.rehearsal.postgres;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat endpoint on loopback that logs the prompt of every request it receives
 * and answers {@code "answer to <prompt>"}: held until {@link #release()} while {@link #hold()} is on,
 * and never after {@link #answerOnly(int)} replies (hangs until closed, like a stuck provider).
 */
final class CountingModelServer implements AutoCloseable {

  static final Pattern PROMPT = Pattern.compile("help me \\d+");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();
  private volatile int answerLimit = Integer.MAX_VALUE;
  private volatile CountDownLatch held = new CountDownLatch(0);
  private final CountDownLatch closing = new CountDownLatch(1);

  CountingModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The prompts of every request received so far, in arrival order. */
  List<String> received() {
    return List.copyOf(received);
  }

  void hold() {
    held = new CountDownLatch(1);
  }

  void release() {
    held.countDown();
  }

  void answerOnly(int replies) {
    answerLimit = replies;
  }

  void answerAll() {
    answerLimit = Integer.MAX_VALUE;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = PROMPT.matcher(body);
    String prompt = m.find() ? m.group() : "?";
    received.add(prompt);
    try {
      held.await();
      if (answered.incrementAndGet() > answerLimit) {
        closing.await();
        exchange.close();
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    byte[] bytes = ("{\"id\":\"c\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":"
        + "{\"role\":\"assistant\",\"content\":\"answer to " + prompt + "\"}}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    closing.countDown();
    held.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
