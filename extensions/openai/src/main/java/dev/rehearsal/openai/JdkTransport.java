package dev.rehearsal.openai;

import dev.rehearsal.model.runtime.HttpFailures;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * {@link HttpTransport} over the JDK's HttpClient: {@code http-version: 2} (h2c upgrade on plain
 * http, ALPN on https), or 1.1 through a proxy. Proxies and TLS are the JDK's
 * defaults: {@code ProxySelector.getDefault()} and {@code SSLContext.getDefault()}.
 */
final class JdkTransport implements HttpTransport {

  private final OpenAiSettings settings;
  private final HttpClient http;
  private final String endpoint;
  /**
   * Runs the blocking {@link HttpClient#send}, one thread per call in flight (the runtime bounds
   * how many). Why not {@code sendAsync}: on JDK 17 it hands every completed response to
   * CompletableFuture's default executor, which on a machine with fewer than three cores (common
   * pool parallelism below 2: CI runners, containers) starts a new thread per response; that
   * halved the achieved request rate of the client-throughput benchmark. {@code send} has no
   * such hop, and a cached pool reuses its threads.
   */
  private final ExecutorService callers;
  /**
   * The HttpClient's own tasks (reading, parsing, TLS). Its default, a cached pool, grew to ~60
   * threads at 128 calls in flight and handed each small task to a parked thread; a fixed pool
   * the size of the machine keeps its threads busy from a queue instead.
   */
  private final ExecutorService io;

  JdkTransport(OpenAiSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    this.io = Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("rehearsal-openai-io"));
    // Plain http (a local or in-cluster endpoint) has no TLS work to spread over threads, so the
    // selector thread runs the HttpClient's small tasks itself, without a handoff per step.
    this.http = HttpClient.newBuilder().version(settings.httpVersion)
        .executor("http".equalsIgnoreCase(settings.endpoint.getScheme()) ? Runnable::run : io)
        .connectTimeout(settings.connectTimeout())
        .build();
    this.callers = Executors.newCachedThreadPool(daemon("rehearsal-openai-call"));
  }

  /** Daemon threads, so an unclosed client never keeps the JVM alive. */
  static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public CompletableFuture<Response> post(byte[] json) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint)
        .timeout(settings.timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    settings.apiKey.ifPresent(key -> builder.header(settings.authHeader, settings.authValue(key)));
    HttpRequest request = builder.build();
    CompletableFuture<Response> result = new CompletableFuture<>();
    Future<?> task = callers.submit(() -> {
      try {
        result.complete(send(request));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    // The runtime completes the future itself on its timeout: interrupting the thread inside send
    // makes the JDK client abort the exchange and close its connection (JDK 16+, JDK-8245462), so
    // a trickling server keeps neither the thread nor the socket (issue 12 item 11).
    result.whenComplete((response, failure) -> {
      if (failure != null) {
        task.cancel(true);
      }
    });
    return result;
  }

  private Response send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body(), response.headers()::firstValue,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw HttpFailures.forTransport(e, endpoint, settings.timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpFailures.forTransport(e, endpoint, settings.timeout);
    }
  }

  @Override
  public void close() {
    callers.shutdown();
    io.shutdown();
  }
}
