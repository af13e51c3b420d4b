package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeAfterKillTests {

  private static final int PREFIXES = 120;
  private static final int ANSWERED_BEFORE_KILL = 40;
  private static final Pattern PREFIX = Pattern.compile("prefix-\\d+");

  @TempDir
  Path dir;

  private static String prefix(LoopbackServer.Request request) {
    Matcher m = PREFIX.matcher(request.body());
    return m.find() ? m.group() : "?";
  }

  private static LoopbackServer.Reply answer(LoopbackServer.Request request) {
    return LoopbackServer.Reply.json(LoopbackServer.chat("answer to " + prefix(request)));
  }

  @Test
  void kill_9_then_rerun_repeats_no_finished_call_and_matches_an_uninterrupted_run()
      throws Exception {
    Map<String, String> uninterrupted;
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(ResumeAfterKillTests::answer);
      uninterrupted = ResumableRunMain.run(server.baseUrl(), dir.resolve("clean.db"), PREFIXES,
          Map.of(Fixtures.KEY_ENV, Fixtures.SECRET)::get, System.out);
    }

    try (LoopbackServer server = new LoopbackServer()) {
      AtomicInteger served = new AtomicInteger();
      CountDownLatch stuck = new CountDownLatch(ANSWERED_BEFORE_KILL + 4);
      server.otherwise(request -> {
        stuck.countDown();
        return served.incrementAndGet() <= ANSWERED_BEFORE_KILL ? answer(request)
            : LoopbackServer.Reply.hang();
      });
      Path store = dir.resolve("killed.db");
      Path output = dir.resolve("child.out");
      Process child = childRun(server.baseUrl(), store, output);
      assertThat(stuck.await(60, TimeUnit.SECONDS)).as("child reached the server").isTrue();
      child.destroyForcibly().waitFor();

      Set<String> committed = committedCount(store);
      List<String> before = server.requests().stream().map(ResumeAfterKillTests::prefix).toList();
      server.otherwise(ResumeAfterKillTests::answer);
      ByteArrayOutputStream rerunOut = new ByteArrayOutputStream();
      Map<String, String> resumed = ResumableRunMain.run(server.baseUrl(), store, PREFIXES,
          Map.of(Fixtures.KEY_ENV, Fixtures.SECRET)::get,
          new PrintStream(rerunOut, true, StandardCharsets.UTF_8));
      List<String> after = server.requests().stream().map(ResumeAfterKillTests::prefix).toList()
          .subList(before.size(), server.requestCount());

      assertThat(committed).hasSizeBetween(ANSWERED_BEFORE_KILL - 4, ANSWERED_BEFORE_KILL);
      assertThat(after).doesNotHaveDuplicates().hasSize(PREFIXES - committed.size());
      assertThat(committed).allSatisfy(key -> assertThat(key).hasSize(64));
      assertThat(resumed).isEqualTo(uninterrupted);
      assertThat(before.stream().filter(after::contains).collect(Collectors.toSet()))
          .as("prefixes asked again were in flight at the kill").hasSizeLessThanOrEqualTo(8);
      assertSecretAbsent(store, output, rerunOut);
    }
  }

  private static Process childRun(String baseUrl, Path store, Path output) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ResumableRunMain.class.getName(),
        baseUrl, store.toString(), Integer.toString(PREFIXES));
    builder.environment().put(Fixtures.KEY_ENV, Fixtures.SECRET);
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    return builder.start();
  }

  private static Set<String> committedCount(Path store) throws Exception {
    Set<String> keys = new TreeSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT cache_key FROM responses")) {
      while (r.next()) {
        keys.add(r.getString(1));
      }
    }
    return keys;
  }

  /** The API key given in the environment appears in no store byte and no output line. */
  private static void assertSecretAbsent(Path store, Path childOutput, ByteArrayOutputStream out)
      throws Exception {
    byte[] secret = Fixtures.SECRET.getBytes(StandardCharsets.UTF_8);
    for (Path file : List.of(store, Path.of(store + "-wal"), childOutput)) {
      if (Files.exists(file)) {
        assertThat(indexOf(Files.readAllBytes(file), secret)).as(file.toString()).isEqualTo(-1);
      }
    }
    assertThat(Files.readString(childOutput)).contains("[rehearsal] candidate");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(Fixtures.SECRET)
        .contains("stats RunStats");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
