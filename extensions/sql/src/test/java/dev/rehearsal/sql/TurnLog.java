package dev.rehearsal.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test support: the same synthetic conversations in two shapes, OpenAI-messages JSON lines for the
 * streaming sampler and one JSON line per turn for the engines. Texts hold quotes, backslashes and
 * non-ASCII letters; some conversations have a system turn, a tool turn or no final reply.
 */
public final class TurnLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PLANS = {"free", "plus", "team"};
  private static final String[] LOCALES = {"en-US", "en_GB", "de", "fr-CA", "es"};

  /** One turn row. */
  public record Row(String conversationId, int turnIndex, String role, String content, String plan, String locale,
      int tier) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();

  private TurnLog() {}

  /** {@code conversations} conversations drawn from {@code seed}. */
  public static TurnLog generate(int conversations, long seed) {
    TurnLog log = new TurnLog();
    Random random = new Random(seed);
    for (int i = 0; i < conversations; i++) {
      log.add(random, "conv-" + Integer.toString(i * 7919 % 100_003, 36) + "-" + i);
    }
    return log;
  }

  private void add(Random random, String id) {
    String plan = PLANS[random.nextInt(PLANS.length)];
    String locale = LOCALES[random.nextInt(LOCALES.length)];
    int tier = 1 + random.nextInt(3);
    List<String[]> turns = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      turns.add(new String[] {"system", "You're a helpful assistant for \"" + plan + "\" users."});
    }
    int users = 1 + random.nextInt(5);
    for (int u = 0; u < users; u++) {
      turns.add(new String[] {"user", text(random, "Frage " + u + " zu Straße, l'été \\ path")});
      if (random.nextInt(10) == 0) {
        turns.add(new String[] {"tool", "{\"result\": " + random.nextInt(100) + "}"});
      }
      if (u < users - 1 || random.nextInt(5) != 0) {
        turns.add(new String[] {"assistant", text(random, "Answer " + u)});
      }
    }
    ObjectNode line = JSON.createObjectNode().put("id", id);
    ArrayNode array = line.putArray("messages");
    for (int t = 0; t < turns.size(); t++) {
      String[] turn = turns.get(t);
      ObjectNode m = array.addObject().put("role", turn[0]).put("content", turn[1]);
      if (turn[0].equals("tool")) {
        m.put("tool_call_id", "call-" + t);
      }
      rows.add(new Row(id, t * 10, turn[0], turn[1], plan, locale, tier));
    }
    line.putObject("metadata").put("plan", plan).put("locale", locale).put("tier", tier);
    messages.add(line.toString());
  }

  private static String text(Random random, String base) {
    return base + " " + "x".repeat(random.nextInt(400));
  }

  public List<Row> rows() {
    return rows;
  }

  /** The conversations as OpenAI-messages JSON lines, for the streaming sampler. */
  public Path writeMessages(Path file) throws IOException {
    Files.write(file, messages, StandardCharsets.UTF_8);
    return file;
  }

  /** The turn rows as JSON lines, split round-robin over {@code parts} files named {@code <prefix>-<i>.jsonl}. */
  public List<Path> writeTurnRows(Path dir, String prefix, int parts) throws IOException {
    List<Path> files = new ArrayList<>();
    List<BufferedWriter> writers = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      files.add(dir.resolve(prefix + "-" + p + ".jsonl"));
      writers.add(Files.newBufferedWriter(files.get(p), StandardCharsets.UTF_8));
    }
    for (int i = 0; i < rows.size(); i++) {
      writers.get(i % parts).write(JSON.writeValueAsString(asMap(rows.get(i))) + "\n");
    }
    for (BufferedWriter w : writers) {
      w.close();
    }
    return files;
  }

  static Map<String, Object> asMap(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("conversation_id", r.conversationId());
    m.put("turn_index", r.turnIndex());
    m.put("role", r.role());
    m.put("content", r.content());
    m.put("plan", r.plan());
    m.put("locale", r.locale());
    m.put("tier", r.tier());
    return m;
  }
}
