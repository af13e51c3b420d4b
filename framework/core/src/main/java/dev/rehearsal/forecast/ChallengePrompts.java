package dev.rehearsal.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.spec.SourceSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a CSV prompt suite (first column, header skipped, e.g. AdvBench) into a one-turn conversation log. */
final class ChallengePrompts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChallengePrompts() {}

  /** The source as a conversation log: CSV is converted into {@code dir}, logs are used as they are. */
  static SourceSpec asLog(SourceSpec prompts, Path dir) throws IOException {
    if (!prompts.format().equals("csv")) {
      return prompts;
    }
    Files.createDirectories(dir);
    Path out = dir.resolve("challenging-prompts.jsonl");
    List<String> lines = dev.rehearsal.prefix.ByteOrderMark.strip(Files.readString(prompts.path().orElseThrow(),
        StandardCharsets.UTF_8)).lines().toList();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 1; i < lines.size(); i++) {
        String prompt = firstColumn(lines.get(i));
        if (!prompt.isBlank()) {
          ObjectNode record = JSON.createObjectNode().put("id", "challenge-" + i);
          record.putArray("messages").addObject().put("role", "user").put("content", prompt);
          w.write(dev.rehearsal.text.Utf8Files.wellFormed(JSON.writeValueAsString(record)));
          w.newLine();
        }
      }
    }
    return SourceSpec.file("openai-messages", out, prompts.mark());
  }

  /** The first field of an RFC 4180 line: quoted (with "" escapes) or up to the first comma. */
  static String firstColumn(String line) {
    if (!line.startsWith("\"")) {
      int comma = line.indexOf(',');
      return comma < 0 ? line : line.substring(0, comma);
    }
    List<Character> out = new ArrayList<>();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        out.add('"');
        i++;
      } else if (c == '"') {
        break;
      } else {
        out.add(c);
      }
    }
    StringBuilder s = new StringBuilder();
    out.forEach(s::append);
    return s.toString();
  }
}
