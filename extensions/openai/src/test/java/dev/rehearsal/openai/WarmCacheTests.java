package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmCacheTests {

  @TempDir
  Path dir;

  @Test
  void warm_cache_rerun_sends_zero_requests_and_stores_no_secret() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
      server.then(LoopbackServer.Reply.status(401, Map.of()));
      Path store = dir.resolve("warm.db");
      Map<String, String> first = ResumableRunMain.run(server.baseUrl(), store, 30,
          Map.of(Fixtures.KEY_ENV, Fixtures.SECRET)::get, print);
      int afterFirst = server.requestCount();

      Map<String, String> second = ResumableRunMain.run(server.baseUrl(), store, 30,
          Map.of(Fixtures.KEY_ENV, Fixtures.SECRET)::get, print);

      // A 401 opens the circuit breaker at once: calls not yet started then fail fast, unsent.
      long failed = first.values().stream().filter("<error>"::equals).count();
      assertThat(afterFirst).isBetween(1, 30);
      assertThat(second).containsAllEntriesOf(Map.of("prefix-1", "ok")).doesNotContainValue("<error>");
      assertThat(server.requestCount() - afterFirst)
          .as("the failed prefixes are asked again; finished ones are not").isEqualTo(failed);
      assertThat(first.values()).contains("<error>");
      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(text).contains("HTTP 401").contains(Fixtures.KEY_ENV)
          .doesNotContain(Fixtures.SECRET);
      Path wal = Path.of(store + "-wal");
      assertThat(new String(Files.readAllBytes(store), StandardCharsets.ISO_8859_1)
          + (Files.exists(wal) ? Files.readString(wal, StandardCharsets.ISO_8859_1) : ""))
          .contains("openai:gpt-test").doesNotContain(Fixtures.SECRET);

      int beforeThird = server.requestCount();
      ResumableRunMain.run(server.baseUrl(), store, 30,
          Map.of(Fixtures.KEY_ENV, Fixtures.SECRET)::get, print);
      assertThat(server.requestCount()).isEqualTo(beforeThird);
    }
  }
}
