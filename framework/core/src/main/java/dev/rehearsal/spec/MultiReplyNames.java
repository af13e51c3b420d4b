package dev.rehearsal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.spec.internal.Node;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks at load time that a replay arm over a {@code multi-reply} file names a model the file has
 * replies for, so a typo is a spec error at the arm (file:line:column) listing the names, not a run
 * whose every replayed response is an error. Reads only the first record.
 */
final class MultiReplyNames {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MultiReplyNames() {}

  static void check(SourceSpec source, ArmSpec arm, Supplier<Node> replayNode) {
    if (!source.format().equals("multi-reply") || arm.replay().isEmpty() || source.path().isEmpty()) {
      return;
    }
    List<String> names = firstRecordNames(source);
    if (!names.isEmpty() && !names.contains(arm.replay().get())) {
      throw replayNode.get().error("Arm '" + arm.name() + "' replays '" + arm.replay().get()
          + "', but the multi-reply file " + source.path().get().getFileName() + " has replies for "
          + names + " (its first record's 'replies' keys); replay one of those.");
    }
  }

  /** The reply names of the first record, or empty when it cannot be read here (gzip, bad JSON). */
  private static List<String> firstRecordNames(SourceSpec source) {
    try (BufferedReader in = Files.newBufferedReader(source.path().get(), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode replies = JSON.readTree(line.replace("\uFEFF", "")).path("replies");
          List<String> names = new ArrayList<>();
          replies.fieldNames().forEachRemaining(names::add);
          return names;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The sampler reads the file again and reports a bad record with its line.
    }
    return List.of();
  }
}
