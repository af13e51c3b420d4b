package dev.rehearsal.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import dev.rehearsal.model.runtime.ModelIds;
import dev.rehearsal.text.LargeJson;
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

/** A Chat Completions or Responses API client over the JDK's HttpClient. */
final class OpenAiClient implements ModelClient {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private final OpenAiSettings settings;
  private final HttpClient http;
  private final WireCodec codec;
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

  OpenAiClient(OpenAiSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    this.codec = settings.responses ? new ResponsesCodec(JSON, endpoint)
        : new ChatCompletionsCodec(JSON, endpoint, settings.stream);
    this.io = Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("rehearsal-openai-io"));
    // Plain http (a local or in-cluster endpoint) has no TLS work to spread over threads, so the
    // selector thread runs the HttpClient's small tasks itself, without a handoff per step.
    this.http = HttpClient.newBuilder().version(settings.httpVersion)
        .executor("http".equalsIgnoreCase(settings.endpoint.getScheme()) ? Runnable::run : io)
        .connectTimeout(settings.timeout.compareTo(Duration.ofSeconds(10)) < 0
            ? settings.timeout : Duration.ofSeconds(10))
        .build();
    this.callers = Executors.newCachedThreadPool(daemon("rehearsal-openai-call"));
  }

  /** Daemon threads, so an unclosed client never keeps the JVM alive. */
  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint)
        .timeout(settings.timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            codec.encode(settings.model, request, settings.sampling)));
    settings.apiKey.ifPresent(key -> builder.header(settings.authHeader, settings.authValue(key)));
    HttpRequest httpRequest = builder.build();
    CompletableFuture<ModelReply> result = new CompletableFuture<>();
    Future<?> task = callers.submit(() -> {
      try {
        result.complete(send(httpRequest));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    // The runtime completes the future itself on its timeout: interrupting the thread inside send
    // makes the JDK client abort the exchange and close its connection (JDK 16+, JDK-8245462), so
    // a trickling server keeps neither the thread nor the socket (issue 12 item 11).
    result.whenComplete((reply, failure) -> {
      if (failure != null) {
        task.cancel(true);
      }
    });
    return result;
  }

  private ModelReply send(HttpRequest request) {
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw HttpFailures.forTransport(e, endpoint, settings.timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpFailures.forTransport(e, endpoint, settings.timeout);
    }
    return reply(response, Duration.ofNanos(System.nanoTime() - start));
  }

  private ModelReply reply(HttpResponse<byte[]> response, Duration latency) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return codec.decode(response.body(), latency);
    }
    if (status == 400 && codec.errorCode(response.body()).equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter rejected the prompt (HTTP 400 content_filter) at "
              + endpoint);
    }
    ModelException failure = HttpFailures.forStatus(status,
        HttpFailures.retryAfter(response.headers().firstValue("retry-after-ms"),
            response.headers().firstValue("retry-after")),
        endpoint, "check that environment variable '" + settings.apiKeyEnv
            + "' (api-key-env) holds a valid key");
    if (status / 100 == 4 && status != 429 && failure.kind() == Kind.FATAL) {
      // A rejected request names the offending parameter (e.g. unsupported_parameter max_tokens):
      // the fix is in the spec, so the message says which key.
      String detail = codec.errorDetail(response.body());
      if (!detail.isEmpty()) {
        throw new ModelException(Kind.FATAL, failure.getMessage() + detail);
      }
    }
    throw failure;
  }

  @Override
  public void close() {
    callers.shutdown();
    io.shutdown();
  }

  @Override
  public String modelId() {
    return ModelIds.of("openai", settings.model, settings.endpoint);
  }

  @Override
  public String toString() {
    return "OpenAiClient[" + modelId() + "]";
  }
}
