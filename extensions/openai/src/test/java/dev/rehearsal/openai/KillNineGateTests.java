package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 10: a gate run in a child JVM against a loopback model at 2 ms latency and
 * concurrency 32, killed with {@code kill -9} ten times at random points, then run to the end.
 *
 * <p>What "delivered" means here: a reply the client received and stored. A reply the server wrote
 * to a socket that the killed process had not yet read cannot be kept by any client (on a loaded
 * 2-core machine that is most of the 32 in flight: the child reads them tens to hundreds of ms
 * later). So the test checks, from the server's log (each child sends its own API key) and the
 * store read after each kill:
 * <ul>
 *   <li>no reply stored before a kill is ever asked for again;
 *   <li>from the server's side: no request is asked for again whose reply left the server
 *       {@link #GRACE} or more before the kill;
 *   <li>of each killed child's requests, at most 32 (the concurrency) are asked again: only calls
 *       that held a slot are lost, because a reply is committed before its slot starts the next
 *       call;
 *   <li>the final run answers every sample once more at most and grades all of them, with the
 *       counts of the known truth: no sample lost.
 * </ul>
 */
class KillNineGateTests {

  // Room for ten kill points of at most 100 requests each plus what a child sends before its kill lands.
  static final int PROMPTS = 1500;
  static final int CONCURRENCY = 32;
  static final int KILLS = 10;
  static final String KEY_ENV = "KILL_TEST_KEY";
  /**
   * How long before a kill a reply may have left the server and still be asked for again. The issue
   * measured 109 repeats of replies sent 20 ms or more before a kill. What is left now is the child
   * JVM's own HTTP client: traced, every repeated request's reply had not yet been handed to
   * Rehearsal's code (the child was at most a second old, still compiling); the store commits a
   * received reply in under a millisecond once warm, and its one-time set-up is paid before the
   * first call. Seen on an idle 2-core machine: at most 43 to 53 ms; the bound leaves room for load.
   */
  static final Duration GRACE = Duration.ofMillis(100);
  static final Pattern PROMPT = Pattern.compile("prompt-\\d+");

  @TempDir Path project;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // 52 s at load average 24 on 2 cores
  void item10_ten_kill_9s_at_2ms_and_concurrency_32_repeat_no_stored_reply_and_lose_no_sample()
      throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.otherwise(KillNineGateTests::answer).latency(Duration.ofMillis(2)); // the 2 ms endpoint
      Path gate = gate(server.baseUrl());
      Path store = project.resolve("store.db");
      Random random = new Random(10);
      List<Set<String>> storedAtKill = new ArrayList<>();
      long[] killedAt = new long[KILLS];
      for (int k = 0; k < KILLS; k++) {
        Process child = child(gate, store, "key-" + k);
        int point = 1 + random.nextInt(100);
        String key = "key-" + k;
        server.awaitRequests(all -> !child.isAlive() || requestsBy(all, key).size() >= point, Duration.ofSeconds(30));
        assertThat(child.isAlive()).as("child %d running at its kill point; its output:%n%s", k, read(output(k))).isTrue();
        killedAt[k] = System.nanoTime();
        child.destroyForcibly().waitFor();
        storedAtKill.add(storedPrompts(store));
      }
      Process rerun = child(gate, store, "key-rerun");
      assertThat(rerun.waitFor()).as("rerun exit; its output:%n%s", read(output(KILLS))).isZero();

      // What was asked for after each kill: by the later children and the rerun.
      List<Set<String>> askedAfter = new ArrayList<>();
      for (int k = 0; k < KILLS; k++) {
        Set<String> later = new HashSet<>();
        for (int j = k + 1; j <= KILLS; j++) {
          later.addAll(requestsBy(server, j == KILLS ? "key-rerun" : "key-" + j));
        }
        askedAfter.add(later);
      }
      // No stored reply asked again: every request after kill k is for a prompt not stored by then.
      for (int k = 0; k < KILLS; k++) {
        Set<String> storedThenAsked = new HashSet<>(askedAfter.get(k));
        storedThenAsked.retainAll(storedAtKill.get(k));
        assertThat(storedThenAsked).as("stored before kill %d, asked again", k).isEmpty();
      }
      // The server's side: no request asked again whose reply left the server GRACE or more before
      // the kill. Replies sent closer to the kill may still sit unread in the killed child's socket.
      List<Long> repeatedSentBeforeKillMs = new ArrayList<>();
      for (int k = 0; k < KILLS; k++) {
        for (LoopbackServer.Request sent : sentBy(server, "key-" + k)) {
          if (askedAfter.get(k).contains(prompt(sent.body()))) {
            repeatedSentBeforeKillMs.add(TimeUnit.NANOSECONDS.toMillis(killedAt[k] - sent.nanos()));
          }
        }
      }
      System.out.printf("kill test: %d replies asked again; sent before their kill: max %d ms, %d of them 20 ms or more%n",
          repeatedSentBeforeKillMs.size(), repeatedSentBeforeKillMs.stream().mapToLong(Long::longValue).max().orElse(-1),
          repeatedSentBeforeKillMs.stream().filter(ms -> ms >= 20).count());
      assertThat(repeatedSentBeforeKillMs).as("ms between a repeated request's reply leaving the server and the kill")
          .allSatisfy(ms -> assertThat(ms).isLessThan(GRACE.toMillis()));
      // At most the calls in flight: a reply is committed before its slot is handed on.
      Map<Integer, Integer> repeatedPerKill = new HashMap<>();
      for (int k = 0; k < KILLS; k++) {
        List<String> mine = requestsBy(server, "key-" + k);
        repeatedPerKill.put(k, (int) mine.stream().filter(askedAfter.get(k)::contains).count());
        assertThat(mine).as("child %d sends each prompt once", k).doesNotHaveDuplicates();
      }
      System.out.printf("kill test: %d requests, %d replies written, asked again per kill %s%n",
          server.requestCount(), server.sentCount(), repeatedPerKill);
      assertThat(repeatedPerKill.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CONCURRENCY));

      // No sample lost: the last run grades all of them, each prompt asked at most once more.
      assertThat(requestsBy(server, "key-rerun")).doesNotHaveDuplicates();
      assertThat(storedPrompts(store)).hasSize(PROMPTS);
      assertThat(Files.readString(output(KILLS))).contains("result errors=0 samples=" + PROMPTS
          + " events=" + PROMPTS / 4 + " ");
    }
  }

  /** Every fourth prompt is refused; each reply names its prompt so the store tells which it is. */
  private static LoopbackServer.Reply answer(LoopbackServer.Request request) {
    String prompt = prompt(request.body());
    String text = Integer.parseInt(prompt.substring("prompt-".length())) % 4 == 0
        ? "I can't help with that. (" + prompt + ")" : "Sure, here you go. (" + prompt + ")";
    return LoopbackServer.Reply.json(LoopbackServer.chat(text));
  }

  private static String prompt(String text) {
    Matcher m = PROMPT.matcher(text);
    return m.find() ? m.group() : "?";
  }

  /** Prompts of the requests the child with this API key sent, in the order the server got them. */
  private static List<String> requestsBy(LoopbackServer server, String key) {
    return requestsBy(server.requests(), key);
  }

  private static List<String> requestsBy(List<LoopbackServer.Request> requests, String key) {
    return requests.stream()
        .filter(r -> r.headers().getOrDefault("Authorization", List.of()).contains("Bearer " + key))
        .map(r -> prompt(r.body())).toList();
  }

  /** Requests of this child whose reply the server wrote in full, with the time it closed the exchange. */
  private static List<LoopbackServer.Request> sentBy(LoopbackServer server, String key) {
    return server.sent().stream()
        .filter(r -> r.headers().getOrDefault("Authorization", List.of()).contains("Bearer " + key))
        .toList();
  }

  private static Set<String> storedPrompts(Path store) throws Exception {
    Set<String> prompts = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT payload FROM responses")) {
      while (r.next()) {
        prompts.add(prompt(r.getString(1)));
      }
    }
    return prompts;
  }

  private Path gate(String baseUrl) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < PROMPTS; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":")
          .append("\"prompt-").append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Sure.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    return Files.writeString(project.resolve("kill.gate.yaml"), """
        gate: kill-nine
        promise: Answers every prompt.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "%s", model: test-model, temperature: 0,
                       concurrency: %d, api-key-env: %s }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: narrow-rollout }
        """.formatted(PROMPTS, baseUrl, CONCURRENCY, KEY_ENV));
  }

  private Process child(Path gate, Path store, String key) throws IOException {
    int index = key.equals("key-rerun") ? KILLS : Integer.parseInt(key.substring(4));
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // C1 only and the serial collector: a short-lived child spends most of its CPU on JIT
        // compilation and GC threads, which a loaded 2-core machine cannot spare.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), KillableGateMain.class.getName(),
        project.toString(), gate.toString(), store.toString(), "over-refusal");
    builder.environment().put(KEY_ENV, key);
    builder.redirectErrorStream(true).redirectOutput(output(index).toFile());
    return builder.start();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private Path output(int child) {
    return project.resolve("child-" + child + ".out");
  }
}
