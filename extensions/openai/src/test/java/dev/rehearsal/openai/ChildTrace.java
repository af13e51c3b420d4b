package dev.rehearsal.openai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code T recv|done} lines the kill probe's children print (see {@link ResumableRunMain}):
 * when each reply left the OpenAI client and when the caller got it, committed. Same clock as
 * the server's log ({@code System.nanoTime}, monotonic across processes on Linux).
 */
final class ChildTrace {

  private static final Pattern LINE = Pattern.compile("T (recv|done) answer to (prefix-\\d+) (\\d+)");

  private ChildTrace() {}

  /** Per prefix, {@code [nanos, 0 for recv | 1 for done]} events. */
  static Map<String, List<long[]>> read(Path file) throws IOException {
    Map<String, List<long[]>> events = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        events.computeIfAbsent(m.group(2), k -> new ArrayList<>())
            .add(new long[] {Long.parseLong(m.group(3)), "recv".equals(m.group(1)) ? 0 : 1});
      }
    }
    return events;
  }

  /** How far a reply sent at {@code from} got in the child killed at {@code kill}. */
  static String stage(Map<String, List<long[]>> events, String prefix, long from, long kill) {
    boolean recv = false;
    boolean done = false;
    for (long[] e : events.getOrDefault(prefix, List.of())) {
      if (from < e[0] && e[0] < kill) {
        recv |= e[1] == 0;
        done |= e[1] == 1;
      }
    }
    return done ? "handed to the caller (committed) before the kill"
        : recv ? "left the OpenAI client, not yet committed"
        : "not yet read by the OpenAI client";
  }
}
