package dev.rehearsal.openai;

import dev.rehearsal.model.runtime.HttpFailures;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link HttpTransport} over Apache HttpCore 5's async requester, for {@code http-version: 1.1}
 * without a proxy. Why not the JDK's HttpClient there: at 0 ms latency on 2 cores it cost ~80 µs
 * of CPU per request (a blocking {@code send} on a pool thread, since its {@code sendAsync} hands
 * every response to a new thread when the common pool has fewer than 2 threads), against ~35 µs
 * for Apache's async client, where an I/O reactor thread writes, reads and parses without a thread
 * per call (BENCHMARKS.md, gate-overhead). HttpCore is that client's engine without its logging.
 */
final class HttpCoreTransport implements HttpTransport {

  private final OpenAiSettings settings;
  private final String endpoint;
  private final HttpHost target;
  private final URIAuthority authority;
  private final String path;
  private final Timeout connectTimeout;
  private final HttpAsyncRequester http;
  /**
   * Completes each call's future, so that what the caller chains on it (a response-cache commit,
   * the next call) never runs on, and stalls, an I/O reactor thread; several commits can then
   * wait together for one group commit. A cached pool reuses its threads.
   */
  private final ExecutorService callbacks;

  HttpCoreTransport(OpenAiSettings settings) {
    this.settings = settings;
    this.endpoint = "POST " + settings.endpoint.getPath();
    String scheme = settings.endpoint.getScheme().toLowerCase(Locale.ROOT);
    int port = settings.endpoint.getPort();
    this.target = new HttpHost(scheme, settings.endpoint.getHost(),
        port >= 0 ? port : scheme.equals("https") ? 443 : 80);
    // Host names the port only when the URL does, as the JDK client's Host header did.
    this.authority = new URIAuthority(settings.endpoint.getHost(), port);
    String query = settings.endpoint.getRawQuery();
    this.path = settings.endpoint.getRawPath() + (query == null ? "" : "?" + query);
    this.connectTimeout = Timeout.of(settings.connectTimeout());
    this.http = HttpCoreRequesters.start(settings);
    this.callbacks = Executors.newCachedThreadPool(JdkTransport.daemon("rehearsal-openai-call"));
  }

  @Override
  public CompletableFuture<Response> post(byte[] json) {
    BasicHttpRequest request = new BasicHttpRequest(Method.POST, path);
    request.setScheme(target.getSchemeName());
    request.setAuthority(authority);
    settings.apiKey.ifPresent(key -> request.setHeader(settings.authHeader, settings.authValue(key)));
    Call call = new Call(System.nanoTime());
    AbortableConsumer consumer = new AbortableConsumer();
    Future<Message<HttpResponse, byte[]>> exchange = http.execute(target,
        new BasicRequestProducer(request, new BasicAsyncEntityProducer(json, ContentType.APPLICATION_JSON)),
        consumer, null, connectTimeout, null, call);
    // The runtime completes the future itself on its timeout: the exchange is then aborted and its
    // connection closed, so a trickling server keeps no socket (issue 12 item 11).
    call.result.whenComplete((response, failure) -> {
      if (failure != null) {
        consumer.abort();
        exchange.cancel(true);
      }
    });
    return call.result;
  }

  /** One call's outcome, completed on the callback pool. */
  private final class Call implements FutureCallback<Message<HttpResponse, byte[]>> {

    final CompletableFuture<Response> result = new CompletableFuture<>();
    private final long start;

    Call(long start) {
      this.start = start;
    }

    @Override
    public void completed(Message<HttpResponse, byte[]> message) {
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      HttpResponse head = message.getHead();
      byte[] body = message.getBody() == null ? new byte[0] : message.getBody();
      handOn(() -> result.complete(new Response(head.getCode(), body,
          name -> Optional.ofNullable(head.getFirstHeader(name)).map(Header::getValue), latency)));
    }

    @Override
    public void failed(Exception e) {
      handOn(() -> result.completeExceptionally(
          HttpFailures.forTransport(e, endpoint, settings.timeout)));
    }

    @Override
    public void cancelled() {
      // Only this transport cancels, after the runtime completed the future itself.
    }
  }

  /** Runs {@code task} on the callback pool; inline once the client is closed, so no future is left open. */
  private void handOn(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (RejectedExecutionException closed) {
      task.run();
    }
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
    callbacks.shutdown();
  }
}
