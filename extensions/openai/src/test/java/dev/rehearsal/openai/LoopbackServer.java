package dev.rehearsal.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/** A real HTTP server on 127.0.0.1 that answers with scripted replies and logs every request. */
final class LoopbackServer implements AutoCloseable {

  /** One logged request. */
  record Request(String path, String query, Map<String, List<String>> headers, String body,
      long nanos) {}

  /** A scripted answer. */
  record Reply(int status, String body, Map<String, String> headers, boolean hangs) {
    static Reply json(String body) {
      return new Reply(200, body, Map.of(), false);
    }

    static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, "{\"error\":{\"message\":\"nope\",\"code\":\"x\"}}", headers, false);
    }

    static Reply hang() {
      return new Reply(0, "", Map.of(), true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(48);
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> log = new CopyOnWriteArrayList<>();
  /** Requests whose reply was fully written and the exchange closed, with that time. */
  private final List<Request> sent = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Function<Request, Reply> fallback = r -> Reply.json(chat("ok"));
  // Replies wait out the latency on a timer, not on a sleeping handler thread.
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile long latencyNanos;

  LoopbackServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  LoopbackServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** Each reply is written this long after its request was read (the endpoint's latency). */
  LoopbackServer latency(Duration latency) {
    this.latencyNanos = latency.toNanos();
    return this;
  }

  /**
   * Waits until the logged requests satisfy {@code until}, or {@code timeout} passes; rechecked on
   * every new request and at least every 50 ms (for conditions that also look elsewhere).
   */
  boolean awaitRequests(Predicate<List<Request>> until, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (log) {
      while (!until.test(List.copyOf(log))) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        log.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
      }
      return true;
    }
  }

  LoopbackServer otherwise(Function<Request, Reply> answer) {
    this.fallback = answer;
    return this;
  }

  List<Request> requests() {
    return List.copyOf(log);
  }

  /** Requests whose reply was fully sent; {@code nanos} is when the exchange closed. */
  List<Request> sent() {
    return List.copyOf(sent);
  }

  int sentCount() {
    return sent.size();
  }

  int requestCount() {
    return log.size();
  }

  /** A minimal Chat Completions reply with one choice. */
  static String chat(String content) {
    return "{\"id\":\"c\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":"
        + "{\"role\":\"assistant\",\"content\":\"" + content + "\"}}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestURI().getPath(),
        String.valueOf(exchange.getRequestURI().getQuery()), Map.copyOf(exchange.getRequestHeaders()),
        body, System.nanoTime());
    synchronized (log) {
      log.add(request);
      log.notifyAll();
    }
    Reply reply = script.poll();
    if (reply == null) {
      reply = fallback.apply(request);
    }
    if (reply.hangs()) {
      awaitClose();
      exchange.close();
      return;
    }
    if (latencyNanos > 0) {
      Reply later = reply;
      timer.schedule(() -> {
        try {
          write(exchange, request, later);
        } catch (IOException e) {
          exchange.close(); // the client went away (killed): nothing to deliver
        }
      }, latencyNanos, TimeUnit.NANOSECONDS);
      return;
    }
    write(exchange, request, reply);
  }

  private void write(HttpExchange exchange, Request request, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
    sent.add(new Request(request.path(), request.query(), request.headers(), request.body(), System.nanoTime()));
  }

  private void awaitClose() {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    timer.shutdownNow();
    executor.shutdownNow();
  }
}
