package dev.rehearsal.prefix;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small OpenAI-messages logs with a known shape for the sampling tests. */
final class SyntheticLog {

  private SyntheticLog() {}

  /** Conversation i gets {@code userTurns[i]} answered user turns and metadata tier {@code tiers[i]}. */
  static Path write(Path file, int[] userTurns, String[] tiers) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < userTurns.length; i++) {
        w.write(line("c" + i, tiers[i], userTurns[i], "conversation " + i));
        w.write('\n');
      }
    }
    return file;
  }

  static String line(String id, String tier, int userTurns, String topic) {
    StringBuilder m = new StringBuilder();
    for (int u = 0; u < userTurns; u++) {
      m.append(u == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"").append(topic).append(" question ").append(u)
          .append("\"},{\"role\":\"assistant\",\"content\":\"answer ").append(u).append("\"}");
    }
    return "{\"id\":\"" + id + "\",\"metadata\":{\"tier\":\"" + tier + "\"},\"messages\":[" + m + "]}";
  }
}
