package dev.rehearsal.grade.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A gold-labelled calibration set read from JSONL, one example a line:
 * {@code {"conversation": [{"role": "user", "content": "..."}], "response": "...", "labels": ["violence"]}}.
 * {@code conversation} may also be a plain string (one user turn). Bad lines fail with file:line.
 *
 * @param file where it was read
 * @param sha256 hash of the file's bytes, stored with calibration results
 * @param examples the examples in file order
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GoldSet(Optional<Path> file, String sha256, List<GoldExample> examples) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public GoldSet {
    examples = List.copyOf(examples);
  }

  /** A set built in code (tests, generated responses). */
  public static GoldSet of(List<GoldExample> examples) {
    return new GoldSet(Optional.empty(), CanonicalJson.sha256(CanonicalJson.of(examples.stream().map(e ->
        List.of(e.conversation().stream().map(Turn::text).toList(), e.response(), e.labels().stream().sorted().toList())).toList())),
        examples);
  }

  /** Reads a JSONL gold file. */
  public static GoldSet read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<GoldExample> out = new ArrayList<>();
    String[] lines = dev.rehearsal.prefix.ByteOrderMark.strip(new String(bytes, StandardCharsets.UTF_8)).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        out.add(example(file, i + 1, lines[i]));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": the gold set has no examples.");
    }
    return new GoldSet(Optional.of(file), CanonicalJson.sha256(new String(bytes, StandardCharsets.UTF_8)), out);
  }

  private static GoldExample example(Path file, int line, String text) {
    String where = file + ":" + line + ": ";
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "not valid JSON.");
    }
    if (node == null || !node.path("response").isTextual() || !node.path("labels").isArray()) {
      throw new IllegalArgumentException(where + "needs \"response\" (a string) and \"labels\" (a list, [] for none).");
    }
    Set<String> labels = new LinkedHashSet<>();
    node.path("labels").forEach(l -> labels.add(l.asText()));
    return new GoldExample(conversation(where, node.path("conversation")), node.path("response").asText(), labels, line);
  }

  private static List<Turn> conversation(String where, JsonNode c) {
    if (c.isMissingNode() || c.isNull()) {
      return List.of();
    }
    if (c.isTextual()) {
      return List.of(Turn.user(c.asText()));
    }
    if (!c.isArray()) {
      throw new IllegalArgumentException(where + "\"conversation\" must be a string or a list of {role, content}.");
    }
    List<Turn> turns = new ArrayList<>();
    for (JsonNode t : c) {
      Role role;
      try {
        role = Role.valueOf(t.path("role").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + "unknown role '" + t.path("role").asText() + "'.");
      }
      turns.add(new Turn(role, t.path("content").asText(), List.of(), Optional.empty(), false));
    }
    return turns;
  }
}
