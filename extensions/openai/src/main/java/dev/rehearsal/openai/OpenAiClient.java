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
import java.util.concurrent.CompletableFuture;

/** A Chat Completions or Responses API client over an {@link HttpTransport}. */
final class OpenAiClient implements ModelClient {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private final OpenAiSettings settings;
  private final HttpTransport http;
  private final WireCodec codec;
  private final String endpoint;

  OpenAiClient(OpenAiSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    this.codec = settings.responses ? new ResponsesCodec(JSON, endpoint)
        : new ChatCompletionsCodec(JSON, endpoint, settings.stream);
    this.http = HttpTransport.of(settings);
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    CompletableFuture<HttpTransport.Response> exchange =
        http.post(codec.encode(settings.model, request, settings.sampling));
    CompletableFuture<ModelReply> result = new CompletableFuture<>();
    // Decoded on the thread the transport completes on, which is never an I/O thread.
    exchange.whenComplete((response, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      try {
        result.complete(reply(response));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    // The runtime completes the result itself on its timeout: the transport then aborts the
    // exchange and closes its connection (issue 12 item 11).
    result.whenComplete((reply, failure) -> {
      if (failure != null) {
        exchange.cancel(true);
      }
    });
    return result;
  }

  private ModelReply reply(HttpTransport.Response response) {
    int status = response.status();
    if (status / 100 == 2) {
      return codec.decode(response.body(), response.latency());
    }
    if (status == 400 && codec.errorCode(response.body()).equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter rejected the prompt (HTTP 400 content_filter) at "
              + endpoint);
    }
    ModelException failure = HttpFailures.forStatus(status,
        HttpFailures.retryAfter(response.header().apply("retry-after-ms"),
            response.header().apply("retry-after")),
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
    http.close();
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
