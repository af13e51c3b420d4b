package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12 item 10: at 2 ms latency and 32 calls in flight, ten kill -9s of a child JVM at varying
 * points, then a rerun: no request is sent again once its reply had fully left the server (50 ms
 * before the kill, time for the client to read it), and no sample is lost.
 */
final class FastKillProbe {

  // Not yet a test: it still finds replies that left the server 20 ms to 2.5 s before a kill and
  // were asked again (issue 12 item 10 is open). Each repeat is printed with how far the killed
  // child got (from its REHEARSAL_TRACE lines): on a loaded 2-core machine nearly all had not yet
  // reached the OpenAI client's code (a cold, CPU-starved child reads the socket late); none had
  // been handed to the caller uncommitted. Run it with
  // java -cp <test class path> dev.rehearsal.openai.FastKillProbe
  public static void main(String[] args) throws Exception {
    FastKillProbe probe = new FastKillProbe();
    probe.dir = java.nio.file.Files.createTempDirectory("fast-kill");
    probe.item10_ten_kills_at_2ms_latency_repeat_no_delivered_reply_and_lose_no_sample();
  }


  static final int PREFIXES = 2000;
  static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  static final Pattern PREFIX = Pattern.compile("prefix-\\d+");
  Path dir;

  void item10_ten_kills_at_2ms_latency_repeat_no_delivered_reply_and_lose_no_sample() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(r -> {
        sleep(2);
        return LoopbackServer.Reply.json(LoopbackServer.chat("answer to " + prefix(r)));
      });
      Path store = dir.resolve("store.db");
      List<Long> kills = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int target = server.sentCount() + 10 + 15 * i;
        Process child = child(server.baseUrl(), store);
        while (server.sentCount() < target && child.isAlive()) {
          Thread.sleep(1);
        }
        kills.add(System.nanoTime());
        child.destroyForcibly().waitFor();
      }
      Map<String, String> results = ResumableRunMain.run(server.baseUrl(), store, PREFIXES,
          Map.of(Fixtures.KEY_ENV, Fixtures.SECRET)::get, new PrintStream(OutputStream.nullOutputStream()), 32);

      Map<String, List<long[]>> trace = ChildTrace.read(dir.resolve("child.out"));
      Map<String, Long> firstDelivered = new HashMap<>();
      server.sent().forEach(r -> firstDelivered.merge(prefix(r), r.nanos(), Math::min));
      List<String> repeated = new ArrayList<>();
      for (LoopbackServer.Request r : server.requests()) {
        Long delivered = firstDelivered.get(prefix(r));
        if (delivered != null && r.nanos() > delivered && deliveredWellBeforeAKill(delivered, r.nanos(), kills)) {
          repeated.add(prefix(r));
          long gap = kills.stream().filter(k -> k > delivered).findFirst().orElseThrow() - delivered;
          System.out.println("repeat " + prefix(r) + " delivered " + gap / 1_000_000
              + " ms before a kill; in the killed child: " + ChildTrace.stage(trace, prefix(r), delivered,
              delivered + gap));
        }
      }
      System.out.printf("kill test: %d requests, %d replies sent, %d repeated after delivery%n",
          server.requestCount(), server.sentCount(), repeated.size());
      assertThat(results).hasSize(PREFIXES);
      assertThat(results).allSatisfy((k, v) -> assertThat(v).isEqualTo("answer to " + k));
      System.out.println("rerun: all " + PREFIXES + " samples answered, none lost");
      assertThat(repeated).as("requests repeated after their reply was delivered").isEmpty();
    }
  }

  /**
   * The first kill after the delivery (the kill of the child that received the reply) came more
   * than the margin after it, and the request was asked again after that kill.
   */
  private static boolean deliveredWellBeforeAKill(long delivered, long repeatedAt, List<Long> kills) {
    return kills.stream().filter(k -> k > delivered).findFirst()
        .filter(k -> delivered + MARGIN_NANOS < k && k < repeatedAt).isPresent();
  }

  private Process child(String baseUrl, Path store) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ResumableRunMain.class.getName(),
        baseUrl, store.toString(), Integer.toString(PREFIXES), "32");
    builder.environment().put(Fixtures.KEY_ENV, Fixtures.SECRET);
    builder.environment().put(ResumableRunMain.TRACE_ENV, "1");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.out").toFile()));
    return builder.start();
  }

  private static String prefix(LoopbackServer.Request request) {
    Matcher m = PREFIX.matcher(request.body());
    return m.find() ? m.group() : "?";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
