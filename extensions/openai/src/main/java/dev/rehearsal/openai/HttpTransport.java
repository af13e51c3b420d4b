package dev.rehearsal.openai;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends {@link OpenAiClient}'s JSON POSTs. Two implementations: Apache HttpCore 5's async requester
 * for {@code http-version: 1.1} (the default; about a third less CPU per request, BENCHMARKS.md,
 * gate-overhead), and the JDK's HttpClient for {@code http-version: 2}, which alone upgrades plain
 * http to h2c, and for endpoints the JVM's proxy selector sends through a proxy.
 *
 * <p>Contract of both: the returned future completes off the I/O threads (what the caller chains
 * on it, a cache commit, must not stall I/O); failing or cancelling it aborts the exchange and
 * closes its connection (issue 12 item 11); no retries, redirects or cookies (the runtime retries);
 * failures are {@link dev.rehearsal.model.ModelException}s that quote no header or body; nothing
 * is logged.
 */
interface HttpTransport extends AutoCloseable {

  /** A response as the client reads it; {@code header} looks a header up by name. */
  record Response(int status, byte[] body, Function<String, Optional<String>> header,
      Duration latency) {}

  CompletableFuture<Response> post(byte[] json);

  @Override
  void close();

  /** The transport for these settings (see the type's comment for which, and why). */
  static HttpTransport of(OpenAiSettings settings) {
    return settings.httpVersion == HttpClient.Version.HTTP_2 || proxied(settings)
        ? new JdkTransport(settings) : new HttpCoreTransport(settings);
  }

  /**
   * Whether the JVM's default proxy selector (system properties {@code http.proxyHost},
   * {@code https.proxyHost}, {@code http.nonProxyHosts}, or {@code java.net.useSystemProxies})
   * sends this endpoint through a proxy, which the JDK client handles and HttpCore does not.
   */
  static boolean proxied(OpenAiSettings settings) {
    ProxySelector selector = ProxySelector.getDefault();
    return selector != null && selector.select(settings.endpoint).stream()
        .anyMatch(proxy -> proxy.type() != Proxy.Type.DIRECT);
  }
}
