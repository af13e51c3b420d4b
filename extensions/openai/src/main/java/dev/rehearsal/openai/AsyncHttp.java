package dev.rehearsal.openai;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient 5 async client that {@link OpenAiClient} calls through. Why not the
 * JDK's HttpClient: at 0 ms latency on 2 cores it cost ~80 µs of CPU per request (a blocking
 * {@code send} on a pool thread, since its {@code sendAsync} hands every response to a new thread
 * when the common pool has fewer than 2 threads), against ~35 µs here, where an I/O reactor thread
 * writes, reads and parses without a thread per call (BENCHMARKS.md, gate-overhead, 2026-12-06).
 */
final class AsyncHttp {

  private AsyncHttp() {}

  static CloseableHttpAsyncClient start(OpenAiSettings settings) {
    Duration connect = settings.timeout.compareTo(Duration.ofSeconds(10)) < 0
        ? settings.timeout : Duration.ofSeconds(10);
    CloseableHttpAsyncClient http = HttpAsyncClients.custom()
        // The runtime bounds calls in flight; the pool must not queue them again below that.
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(Integer.MAX_VALUE).setMaxConnPerRoute(Integer.MAX_VALUE)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connect.toMillis(), TimeUnit.MILLISECONDS))
                .setSocketTimeout(Timeout.of(settings.timeout.toMillis(), TimeUnit.MILLISECONDS))
                .build())
            .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(
                settings.httpVersion == HttpClient.Version.HTTP_2
                    ? HttpVersionPolicy.NEGOTIATE : HttpVersionPolicy.FORCE_HTTP_1).build())
            .build())
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
            // Without TCP_NODELAY, Nagle plus delayed ACKs add up to 40 ms to each small request.
            .setTcpNoDelay(true).build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(settings.timeout.toMillis(), TimeUnit.MILLISECONDS))
            .build())
        .setThreadFactory(daemon("rehearsal-openai-io"))
        // As with the JDK client before: the runtime retries, redirects and cookies are not followed.
        .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
        .disableAuthCaching().disableConnectionState().disableContentCompression()
        .build();
    http.start();
    return http;
  }

  /** Daemon threads, so an unclosed client never keeps the JVM alive. */
  static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
