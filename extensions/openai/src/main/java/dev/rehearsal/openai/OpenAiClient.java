package dev.rehearsal.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A Chat Completions client over the JDK's asynchronous HttpClient. */
final class OpenAiClient implements ModelClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAiSettings settings;
  private final HttpClient http;
  private final ChatCompletionsCodec codec;
  private final String endpoint;

  OpenAiClient(OpenAiSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    this.codec = new ChatCompletionsCodec(JSON, endpoint);
    this.http = HttpClient.newBuilder().version(settings.httpVersion)
        .connectTimeout(settings.timeout.compareTo(Duration.ofSeconds(10)) < 0
            ? settings.timeout : Duration.ofSeconds(10))
        .build();
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint)
        .timeout(settings.timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            codec.encode(settings.model, request, settings.sampling)));
    settings.apiKey.ifPresent(key -> builder.header(settings.authHeader, settings.authValue(key)));
    long start = System.nanoTime();
    return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            throw HttpFailures.forTransport(cause, endpoint, settings.timeout);
          }
          return reply(response, Duration.ofNanos(System.nanoTime() - start));
        });
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
    throw HttpFailures.forStatus(status,
        HttpFailures.retryAfter(response.headers().firstValue("retry-after-ms"),
            response.headers().firstValue("retry-after")),
        endpoint, "check that environment variable '" + settings.apiKeyEnv
            + "' (api-key-env) holds a valid key");
  }

  @Override
  public String modelId() {
    return "openai:" + settings.model + "@" + settings.endpoint.getHost()
        + settings.endpoint.getPath();
  }

  @Override
  public String toString() {
    return "OpenAiClient[" + modelId() + "]";
  }
}
