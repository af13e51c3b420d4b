package dev.rehearsal.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.HttpFailures;
import dev.rehearsal.model.runtime.SpecValues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * {@code POST {base-url}/moderations} with {@code {"model", "input"}}: the input is the text of the
 * request's last message (the response a moderation grader classifies). The reply text is the body.
 */
final class ModerationClient implements ModelClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final Optional<String> apiKey;
  private final String apiKeyEnv;
  private final Duration timeout;
  private final HttpClient http;
  private final ExecutorService callers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "rehearsal-moderation-call");
    t.setDaemon(true);
    return t;
  });

  ModerationClient(ModelConfig config, Function<String, String> environment) {
    String where = "models." + config.name();
    SpecValues v = SpecValues.of(where, config.settings());
    this.endpoint = OpenAiSettings.uri(where, v.string("base-url").orElse("https://api.openai.com/v1").replaceAll("/+$", "")
        + "/moderations");
    this.model = v.requiredString("model", "omni-moderation-latest");
    this.apiKeyEnv = config.apiKeyEnv().orElse("");
    this.apiKey = config.apiKeyEnv().map(name -> OpenAiSettings.key(where, name, environment));
    this.timeout = v.duration("timeout").orElse(Duration.ofSeconds(60));
    this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout
        : Duration.ofSeconds(10)).build();
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    List<Turn> messages = request.messages();
    ObjectNode body = JSON.createObjectNode().put("model", model).put("input", messages.get(messages.size() - 1).text());
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    HttpRequest http = builder.build();
    return CompletableFuture.supplyAsync(() -> send(http), callers);
  }

  private ModelReply send(HttpRequest request) {
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw HttpFailures.forTransport(e, "POST " + endpoint.getPath(), timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpFailures.forTransport(e, "POST " + endpoint.getPath(), timeout);
    }
    if (response.statusCode() / 100 != 2) {
      throw HttpFailures.forStatus(response.statusCode(), HttpFailures.retryAfter(
              response.headers().firstValue("retry-after-ms"), response.headers().firstValue("retry-after")),
          "POST " + endpoint.getPath(), "check that environment variable '" + apiKeyEnv + "' (api-key-env) holds a valid key");
    }
    return new ModelReply(response.body(), List.of(), "stop", 0, 0, Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public String modelId() {
    return "openai-moderation:" + model;
  }

  @Override
  public void close() {
    callers.shutdown();
  }
}
