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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;

/** A Chat Completions or Responses API client over Apache HttpClient 5's async client. */
final class OpenAiClient implements ModelClient {

  private static final ObjectMapper JSON = LargeJson.mapper();

  private final OpenAiSettings settings;
  private final CloseableHttpAsyncClient http;
  private final WireCodec codec;
  private final String endpoint;
  /**
   * Completes each call's future, so that what the caller chains on it (a response-cache commit,
   * the next call) never runs on, and stalls, an I/O reactor thread; several commits can then
   * wait together for one group commit. A cached pool reuses its threads.
   */
  private final ExecutorService callbacks;

  OpenAiClient(OpenAiSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    this.codec = settings.responses ? new ResponsesCodec(JSON, endpoint)
        : new ChatCompletionsCodec(JSON, endpoint, settings.stream);
    this.http = AsyncHttp.start(settings);
    this.callbacks = Executors.newCachedThreadPool(AsyncHttp.daemon("rehearsal-openai-call"));
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    SimpleRequestBuilder builder = SimpleRequestBuilder.post(settings.endpoint)
        .setBody(codec.encode(settings.model, request, settings.sampling), ContentType.APPLICATION_JSON);
    settings.apiKey.ifPresent(key -> builder.setHeader(settings.authHeader, settings.authValue(key)));
    Call call = new Call(System.nanoTime());
    AbortableConsumer consumer = new AbortableConsumer();
    Future<SimpleHttpResponse> exchange =
        http.execute(SimpleRequestProducer.create(builder.build()), consumer, call);
    // The runtime completes the future itself on its timeout: the exchange is then aborted and its
    // connection closed, so a trickling server keeps no socket (issue 12 item 11).
    call.result.whenComplete((reply, failure) -> {
      if (failure != null) {
        consumer.abort();
        exchange.cancel(true);
      }
    });
    return call.result;
  }

  /** One call's outcome, completed on the callback pool. */
  private final class Call implements FutureCallback<SimpleHttpResponse> {

    final CompletableFuture<ModelReply> result = new CompletableFuture<>();
    private final long start;

    Call(long start) {
      this.start = start;
    }

    @Override
    public void completed(SimpleHttpResponse response) {
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      handOn(() -> {
        try {
          result.complete(reply(response, latency));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    }

    @Override
    public void failed(Exception e) {
      handOn(() -> result.completeExceptionally(HttpFailures.forTransport(e, endpoint, settings.timeout)));
    }

    @Override
    public void cancelled() {
      // Only this client cancels, after the runtime completed the future itself.
    }
  }

  private ModelReply reply(SimpleHttpResponse response, Duration latency) {
    int status = response.getCode();
    byte[] body = response.getBodyBytes() == null ? new byte[0] : response.getBodyBytes();
    if (status / 100 == 2) {
      return codec.decode(body, latency);
    }
    if (status == 400 && codec.errorCode(body).equals("content_filter")) {
      throw new ModelException(Kind.CONTENT_FILTERED,
          "The provider's content filter rejected the prompt (HTTP 400 content_filter) at "
              + endpoint);
    }
    ModelException failure = HttpFailures.forStatus(status,
        HttpFailures.retryAfter(header(response, "retry-after-ms"), header(response, "retry-after")),
        endpoint, "check that environment variable '" + settings.apiKeyEnv
            + "' (api-key-env) holds a valid key");
    if (status / 100 == 4 && status != 429 && failure.kind() == Kind.FATAL) {
      // A rejected request names the offending parameter (e.g. unsupported_parameter max_tokens):
      // the fix is in the spec, so the message says which key.
      String detail = codec.errorDetail(body);
      if (!detail.isEmpty()) {
        throw new ModelException(Kind.FATAL, failure.getMessage() + detail);
      }
    }
    throw failure;
  }

  /** Runs {@code task} on the callback pool; inline once the client is closed, so no future is left open. */
  private void handOn(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (RejectedExecutionException closed) {
      task.run();
    }
  }

  private static Optional<String> header(SimpleHttpResponse response, String name) {
    return Optional.ofNullable(response.getFirstHeader(name)).map(Header::getValue);
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
    callbacks.shutdown();
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
