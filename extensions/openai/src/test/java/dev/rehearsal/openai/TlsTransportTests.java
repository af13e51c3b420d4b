package dev.rehearsal.openai;

import static dev.rehearsal.openai.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rehearsal.model.ModelClient;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both transports trust what the JVM's default SSL context trusts (the one
 * {@code javax.net.ssl.trustStore} configures) and check the host name, as the JDK client did.
 */
class TlsTransportTests {

  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  private static HttpsServer server;
  private static SSLContext trusting;

  @BeforeAll
  static void start() throws Exception {
    // A self-signed certificate for 127.0.0.1 only (no DNS name), made by the JDK's keytool.
    Path store = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(km.getKeyManagers(), null, null);
    TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, tm.getTrustManagers(), null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    server.createContext("/", exchange -> {
      byte[] body = LoopbackServer.chat("secure").getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "http-version {0}")
  @ValueSource(strings = {"1.1", "2"})
  void trusts_the_default_ssl_context(String version) throws Exception {
    // given a client built while the JVM's default SSL context trusts the server's certificate
    try (ModelClient client = withDefault(trusting, "https://127.0.0.1:" + port() + "/v1", version)) {
      // when it calls the server, then the reply arrives
      assertThat(client.complete(ask("hi")).get().text()).contains("secure");
    }
  }

  @ParameterizedTest(name = "http-version {0}")
  @ValueSource(strings = {"1.1", "2"})
  void rejects_a_certificate_the_default_trust_store_does_not_hold(String version) throws Exception {
    // given a client built with the JVM's own default context (the cacerts trust store)
    try (ModelClient client = withDefault(SSLContext.getDefault(), "https://127.0.0.1:" + port() + "/v1", version)) {
      // when it calls the server, then the handshake fails on the certificate's issuer
      assertThat(failure(client)).contains("SSLHandshakeException").contains("PKIX path building failed");
    }
  }

  @ParameterizedTest(name = "http-version {0}")
  @ValueSource(strings = {"1.1", "2"})
  void rejects_a_host_name_the_certificate_does_not_name(String version) throws Exception {
    // given a trusted certificate for 127.0.0.1, reached as localhost
    try (ModelClient client = withDefault(trusting, "https://localhost:" + port() + "/v1", version)) {
      // when it calls the server, then the handshake fails on the name
      assertThat(failure(client)).contains("SSLHandshakeException")
          .contains("matching localhost");
    }
  }

  private static ModelClient withDefault(SSLContext context, String baseUrl, String version) throws Exception {
    SSLContext before = SSLContext.getDefault();
    SSLContext.setDefault(context);
    try {
      return Fixtures.openAi(baseUrl, Map.of("http-version", version));
    } finally {
      SSLContext.setDefault(before);
    }
  }

  private static String failure(ModelClient client) throws InterruptedException {
    try {
      client.complete(ask("hi")).get();
      return "no failure";
    } catch (ExecutionException e) {
      return e.getCause().getMessage();
    }
  }

  private static int port() {
    return server.getAddress().getPort();
  }
}
