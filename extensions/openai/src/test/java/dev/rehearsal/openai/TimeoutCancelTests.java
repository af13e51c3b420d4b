package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 item 11: a timed-out call frees its thread and its connection, on both transports
 * (HttpCore for http-version 1.1, the JDK client for 2).
 */
class TimeoutCancelTests {

  @ParameterizedTest(name = "http-version {0}")
  @ValueSource(strings = {"1.1", "2"})
  void item11_timed_out_calls_free_their_threads_and_connections(String version) throws Exception {
    // given a server that trickles one byte every 100 ms and never finishes a body
    try (TricklingServer server = new TricklingServer()) {
      ModelClient http = Fixtures.openAi(server.baseUrl(), Map.of("timeout", "10s", "http-version", version));
      int baseline = threadsInsideSend();
      ResilientModelClient client = new ResilientModelClient(http, RuntimeSettings.defaults()
          .withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1))
          .withTimeout(Duration.ofMillis(300)));

      // when 20 calls each time out
      List<CompletableFuture<ModelReply>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(client.complete(Fixtures.ask("q" + i)));
      }
      long failed = calls.stream().filter(c -> c.handle((r, e) -> e != null).join()).count();

      // then every call failed on its timeout, and (allowing the server up to 100 ms to notice
      // each close) no thread is left inside send and the server holds no open connection
      assertThat(failed).isEqualTo(20);
      assertThat(server.acceptedConnections()).isEqualTo(20);
      awaitUpTo(Duration.ofSeconds(10), () -> server.openConnections() == 0
          && threadsInsideSend() == baseline);
      assertThat(server.openConnections()).as("connections still open at the server").isZero();
      assertThat(threadsInsideSend()).as("client threads still inside HttpClient.send").isEqualTo(baseline);
      client.close();
    }
  }

  /** Threads currently blocked in the JDK HttpClient's send or reading a response body. */
  static int threadsInsideSend() {
    return (int) Thread.getAllStackTraces().values().stream()
        .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("jdk.internal.net.http")
            && f.getMethodName().equals("send")))
        .count();
  }

  private static void awaitUpTo(Duration limit, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }
}
