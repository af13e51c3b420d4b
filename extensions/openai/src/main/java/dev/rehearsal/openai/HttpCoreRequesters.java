package dev.rehearsal.openai;

import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.nio.ssl.BasicClientTlsStrategy;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the HttpCore requester of {@link HttpCoreTransport}, set up as the JDK client was: HTTP/1.1,
 * nothing but the request sent (HttpCore has no retries, redirects, cookies or compression), the
 * JVM's default SSL context (so {@code javax.net.ssl.trustStore} and friends apply) and the JDK's
 * own host name check (HTTPS endpoint identification).
 */
final class HttpCoreRequesters {

  private HttpCoreRequesters() {}

  static HttpAsyncRequester start(OpenAiSettings settings) {
    HttpAsyncRequester requester = AsyncRequesterBootstrap.bootstrap()
        .setIOReactorConfig(IOReactorConfig.custom()
            .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
            // Silence this long fails the exchange; the runtime's timeout bounds the whole call.
            .setSoTimeout(Timeout.of(settings.timeout))
            // Without TCP_NODELAY, Nagle plus delayed ACKs add up to 40 ms to each small request.
            .setTcpNoDelay(true).build())
        // HttpCore's default processor also sends "Expect: 100-continue", a round trip per POST.
        .setHttpProcessor(HttpProcessorBuilder.create().addAll(RequestTargetHost.INSTANCE,
            RequestContent.INSTANCE, RequestConnControl.INSTANCE,
            new RequestUserAgent("rehearsal-openai")).build())
        // The runtime bounds calls in flight; the pool must not queue them again below that.
        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
        .setMaxTotal(Integer.MAX_VALUE).setDefaultMaxPerRoute(Integer.MAX_VALUE)
        // Sets HTTPS endpoint identification on every engine: the JDK client's host name check.
        .setTlsStrategy(new BasicClientTlsStrategy(SSLContexts.createSystemDefault()))
        .setTlsHandshakeTimeout(Timeout.of(settings.connectTimeout()))
        .create();
    requester.start();
    return requester;
  }
}
