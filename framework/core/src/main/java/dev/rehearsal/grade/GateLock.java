package dev.rehearsal.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A gate's frozen measurement: the grader fingerprints it was calibrated with, in
 * {@code <name>.gate.lock} next to {@code <name>.gate.yaml} (JSON, like a dependency lock file).
 * Commit it; {@link LockCheck} fails the gate when a grader no longer matches.
 *
 * @param gate the gate id
 * @param graders fingerprint by grader id
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateLock(String gate, Map<String, String> graders) {

  /** The configuration parameter and system property that re-freezes: {@code true} rewrites locks. */
  public static final String REFREEZE_PROPERTY = "rehearsal.refreeze";

  /** The documented command that re-freezes every gate the build runs. */
  public static final String REFREEZE_COMMAND = "mvn test -D" + REFREEZE_PROPERTY + "=true";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public GateLock {
    graders = Map.copyOf(new TreeMap<>(graders));
  }

  /** The lock file of a gate file: {@code a/b/x.gate.yaml} gives {@code a/b/x.gate.lock}. */
  public static Path pathFor(Path specFile) {
    String name = specFile.getFileName().toString().replaceFirst("\\.gate\\.ya?ml$", "").replaceFirst("\\.ya?ml$", "");
    return specFile.resolveSibling(name + ".gate.lock");
  }

  /** Reads a lock file; empty when there is none. Throws {@link IllegalArgumentException} when unreadable. */
  public static Optional<GateLock> read(Path lockFile) {
    if (!Files.exists(lockFile)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(lockFile.toFile());
      if (root == null || !root.path("graders").isObject() || !root.path("gate").isTextual()) {
        throw new IllegalArgumentException(lockFile + " is not a gate lock (needs \"gate\" and a \"graders\" object);"
            + " delete it and re-freeze with " + REFREEZE_COMMAND + ".");
      }
      Map<String, String> graders = new TreeMap<>();
      root.path("graders").properties().forEach(e -> graders.put(e.getKey(), e.getValue().asText()));
      return Optional.of(new GateLock(root.path("gate").asText(), graders));
    } catch (IOException e) {
      throw new IllegalArgumentException(lockFile + " is not valid JSON (" + e.getClass().getSimpleName() + "); delete it"
          + " and re-freeze with " + REFREEZE_COMMAND + ".", e);
    }
  }

  /** Writes the lock with a comment that says how it is maintained. */
  public void write(Path lockFile) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("comment", "Frozen grader fingerprints of gate " + gate + ". Generated; re-freeze deliberately with "
        + REFREEZE_COMMAND + " and commit.");
    out.put("gate", gate);
    out.put("graders", new TreeMap<>(graders)); // sorted: Map.copyOf iterates in a per-JVM random order
    try {
      dev.rehearsal.text.Utf8Files.write(lockFile, JSON.writeValueAsString(out) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + lockFile, e);
    }
  }
}
