package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static dev.rehearsal.openai.Fixtures.openAi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.model.ModelClient;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which transport an entry gets, and what each puts on the wire (issue 13 item 4). */
class HttpTransportTests {

  @Test
  void http_version_2_asks_a_plain_http_server_to_upgrade_to_h2c() throws Exception {
    // given an http-version 2 entry against a plain-http server (the JDK client's h2c upgrade)
    try (LoopbackServer server = new LoopbackServer();
        ModelClient client = openAi(server.baseUrl(), Map.of("http-version", "2"))) {
      // when it sends a request
      client.complete(ask("hi")).get();

      // then the request offers the upgrade
      assertThat(header(server.requests().get(0), "Upgrade")).contains("h2c");
    }
  }

  @Test
  void http_version_1_1_sends_one_plain_request_with_the_key_and_no_expect_or_upgrade() throws Exception {
    // given the default http-version (the HttpCore transport)
    try (LoopbackServer server = new LoopbackServer();
        ModelClient client = openAi(server.baseUrl(), Map.of())) {
      // when it sends a request
      assertThat(client.complete(ask("hi")).get().text()).contains("ok");

      // then it is one HTTP/1.1 POST with the JSON body, the key and the Host, and nothing that
      // would cost a round trip (Expect: 100-continue) or change protocol (Upgrade)
      LoopbackServer.Request request = server.requests().get(0);
      assertThat(request.path()).isEqualTo("/v1/chat/completions");
      assertThat(header(request, "Authorization")).contains("Bearer " + Fixtures.SECRET);
      assertThat(header(request, "Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(header(request, "Host")).contains(URI.create(server.baseUrl()).getAuthority());
      assertThat(header(request, "Expect")).isEmpty();
      assertThat(header(request, "Upgrade")).isEmpty();
      assertThat(header(request, "User-Agent")).as("sent by the HttpCore transport").contains("rehearsal-openai");
    }
  }

  @ParameterizedTest(name = "http-version {0}")
  @ValueSource(strings = {"1.1", "2"})
  void an_endpoint_the_default_proxy_selector_proxies_is_sent_through_that_proxy(String version) throws Exception {
    // given the JVM's default proxy selector (what http.proxyHost sets) naming a loopback proxy, and
    // an endpoint where nothing listens
    try (LoopbackServer proxy = new LoopbackServer()) {
      URI proxyUri = URI.create(proxy.baseUrl());
      ProxySelector before = ProxySelector.getDefault();
      ModelClient client;
      ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress(proxyUri.getHost(), proxyUri.getPort())));
      try {
        client = openAi("http://127.0.0.1:9/v1", Map.of("http-version", version));
      } finally {
        ProxySelector.setDefault(before);
      }

      // when the client sends a request
      try (client) {
        assertThat(client.complete(ask("hi")).get().text()).contains("ok");
      }

      // then the proxy received it, for the endpoint's host, from the JDK client (HttpCore has no
      // proxy support, so a proxied endpoint gets the JDK transport)
      assertThat(proxy.requests()).hasSize(1);
      assertThat(header(proxy.requests().get(0), "Host")).contains("127.0.0.1:9");
      assertThat(header(proxy.requests().get(0), "User-Agent")).hasValueSatisfying(a -> assertThat(a).startsWith("Java-http-client"));
    }
  }

  static Optional<String> header(LoopbackServer.Request request, String name) {
    return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst();
  }
}
