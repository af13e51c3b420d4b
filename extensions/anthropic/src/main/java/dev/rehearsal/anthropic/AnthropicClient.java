package dev.rehearsal.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import dev.rehearsal.model.runtime.ModelIds;
import dev.rehearsal.text.LargeJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** An Anthropic Messages client over the JDK's asynchronous HttpClient. */
final class AnthropicClient implements ModelClient {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private final AnthropicSettings settings;
  private final HttpClient http;
  private final MessagesCodec codec;
  private final String endpoint;

  AnthropicClient(AnthropicSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    this.codec = new MessagesCodec(JSON, endpoint);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout.compareTo(Duration.ofSeconds(10)) < 0
            ? settings.timeout : Duration.ofSeconds(10))
        .build();
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint)
        .timeout(settings.timeout)
        .header("Content-Type", "application/json")
        .header("anthropic-version", settings.version)
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            codec.encode(settings.model, request, settings.sampling)));
    settings.apiKey.ifPresent(key -> builder.header("x-api-key", key));
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> sent =
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    CompletableFuture<ModelReply> result = sent.handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            throw HttpFailures.forTransport(cause, endpoint, settings.timeout);
          }
          if (response.statusCode() / 100 != 2) {
            // 529 is Anthropic's "overloaded": a 5xx, so retryable like 503.
            throw HttpFailures.forStatus(response.statusCode(),
                HttpFailures.retryAfter(java.util.Optional.empty(),
                    response.headers().firstValue("retry-after")),
                endpoint, "check that environment variable '" + settings.apiKeyEnv
                    + "' (api-key-env) holds a valid key");
          }
          return codec.decode(response.body(), Duration.ofNanos(System.nanoTime() - start));
        });
    // When the runtime gives up on its timeout, cancelling the exchange closes its connection
    // (JDK 16+, JDK-8245462); otherwise a trickling server keeps the socket (issue 12 item 11).
    result.whenComplete((reply, failure) -> {
      if (failure != null) {
        sent.cancel(true);
      }
    });
    return result;
  }

  @Override
  public String modelId() {
    return ModelIds.of("anthropic", settings.model, settings.endpoint);
  }

  @Override
  public String toString() {
    return "AnthropicClient[" + modelId() + "]";
  }
}
