package dev.rehearsal.bench.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An OpenAI-compatible loopback server that answers every request after a fixed latency. */
final class FixedLatencyServer implements AutoCloseable {

  private static final byte[] REPLY = ("{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
      + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}],"
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3}}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  final AtomicInteger requests = new AtomicInteger();

  FixedLatencyServer(long latencyMillis, int threads) throws IOException {
    // Without TCP_NODELAY, Nagle plus delayed ACKs add up to 40 ms to each small response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    executor = Executors.newFixedThreadPool(threads);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      requests.incrementAndGet();
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, REPLY.length);
      exchange.getResponseBody().write(REPLY);
      exchange.close();
    });
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
