package dev.rehearsal.bench.prefix;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a synthetic OpenAI-messages JSONL log with a known shape: conversations of 1 to
 * {@code maxUserTurns} user turns, a share with a tool call and tool result, metadata with a tier
 * drawn from a known mix (free 70%, plus 25%, team 5%), a locale and an ISO-8601 timestamp. Seeded,
 * so the same settings give the same bytes. For benchmarks and statistical tests; never committed.
 *
 * @param conversations how many lines
 * @param maxUserTurns user turns per conversation are uniform on 1..max
 * @param toolShare share of conversations whose first answer is a tool call
 * @param seed the seed
 */
public record SyntheticLogGenerator(long conversations, int maxUserTurns, double toolShare, long seed) {

  static final String[] TIERS = {"free", "plus", "team"};
  static final double[] TIER_MIX = {0.70, 0.25, 0.05};
  private static final String[] WORDS = {"please", "explain", "how", "the", "weather", "works", "in", "Lisbon",
      "and", "why", "my", "code", "fails", "with", "a", "null", "pointer", "when", "parsing", "JSON", "files"};

  /** Writes a log from the command line: {@code FILE CONVERSATIONS [MAX_USER_TURNS [TOOL_SHARE [SEED]]]}. */
  public static void main(String[] args) throws IOException {
    SyntheticLogGenerator g = new SyntheticLogGenerator(Long.parseLong(args[1]),
        args.length > 2 ? Integer.parseInt(args[2]) : 4, args.length > 3 ? Double.parseDouble(args[3]) : 0.3,
        args.length > 4 ? Long.parseLong(args[4]) : 42);
    System.out.println(g.write(Path.of(args[0])) + " bytes");
  }

  /** Writes the log to {@code file} and returns its size in bytes. */
  public long write(Path file) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      StringBuilder line = new StringBuilder(2048);
      for (long i = 0; i < conversations; i++) {
        line.setLength(0);
        conversation(line, i, random);
        w.append(line).append('\n');
      }
    }
    return Files.size(file);
  }

  private void conversation(StringBuilder b, long i, SplittableRandom r) {
    int users = 1 + r.nextInt(maxUserTurns);
    b.append("{\"id\":\"conv-").append(i).append("\",\"metadata\":{\"tier\":\"").append(tier(r.nextDouble()))
        .append("\",\"locale\":\"").append(r.nextBoolean() ? "en-US" : "de-DE").append("\",\"timestamp\":\"")
        .append(Instant.ofEpochSecond(1_790_000_000L + i * 7)).append("\"},\"messages\":[")
        .append("{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"}");
    boolean tools = r.nextDouble() < toolShare;
    for (int u = 0; u < users; u++) {
      b.append(",{\"role\":\"user\",\"content\":\"").append(sentence(r, 8 + r.nextInt(20))).append("\"}");
      if (tools && u == 0) {
        b.append(",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_").append(i)
            .append("\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"{\\\"q\\\":\\\"")
            .append(sentence(r, 3)).append("\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_").append(i)
            .append("\",\"content\":\"").append(sentence(r, 12)).append("\"}");
      }
      b.append(",{\"role\":\"assistant\",\"content\":\"").append(sentence(r, 15 + r.nextInt(30))).append("\"}");
    }
    b.append("]}");
  }

  static String tier(double u) {
    double acc = 0;
    for (int t = 0; t < TIERS.length; t++) {
      acc += TIER_MIX[t];
      if (u < acc) {
        return TIERS[t];
      }
    }
    return TIERS[TIERS.length - 1];
  }

  private static String sentence(SplittableRandom r, int words) {
    StringBuilder s = new StringBuilder(words * 6);
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
