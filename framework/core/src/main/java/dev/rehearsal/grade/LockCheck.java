package dev.rehearsal.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The result of comparing a run's grader fingerprints with the gate's lock file.
 *
 * @param lockFile the lock file
 * @param state whether the gate is frozen, matches, changed or was just (re)written
 * @param problems one message per changed, added or removed grader, each saying how to re-freeze
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LockCheck(Path lockFile, State state, List<String> problems) {

  /** How the run relates to the lock. */
  public enum State { UNLOCKED, MATCHES, CHANGED, WRITTEN }

  public LockCheck {
    problems = List.copyOf(problems);
  }

  /**
   * Compares; with {@code refreeze} the lock is (re)written from {@code fingerprints} instead and the
   * check passes. A gate without a lock file is unlocked: nothing is pinned until the first re-freeze.
   */
  public static LockCheck check(Path specFile, String gate, Map<String, String> fingerprints, boolean refreeze) {
    Path file = GateLock.pathFor(specFile);
    if (refreeze) {
      GateLock lock = new GateLock(gate, fingerprints);
      lock.write(file);
      sourceOf(specFile).ifPresent(source -> lock.write(GateLock.pathFor(source)));
      return new LockCheck(file, State.WRITTEN, List.of());
    }
    Optional<GateLock> lock;
    try {
      lock = GateLock.read(file);
    } catch (IllegalArgumentException e) {
      return new LockCheck(file, State.CHANGED, List.of(e.getMessage()));
    }
    if (lock.isEmpty()) {
      return new LockCheck(file, State.UNLOCKED, List.of());
    }
    List<String> problems = differences(file, lock.get().graders(), fingerprints);
    return new LockCheck(file, problems.isEmpty() ? State.MATCHES : State.CHANGED, problems);
  }

  /**
   * The source file of a gate run from the class path: a gate found in {@code target/test-classes}
   * (or {@code target/classes}) was copied from {@code src/test/resources} ({@code src/main/resources});
   * the re-frozen lock must land next to the source to be committed (and copied back on the next build).
   */
  static Optional<Path> sourceOf(Path specFile) {
    Path abs = specFile.toAbsolutePath().normalize();
    for (Path p = abs.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
      String dir = p.getFileName().toString();
      if (p.getParent().getFileName() != null && p.getParent().getFileName().toString().equals("target")
          && (dir.equals("test-classes") || dir.equals("classes"))) {
        Path source = p.getParent().resolveSibling("src").resolve(dir.equals("classes") ? "main" : "test")
            .resolve("resources").resolve(p.relativize(abs));
        return java.nio.file.Files.exists(source) ? Optional.of(source) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static List<String> differences(Path file, Map<String, String> locked, Map<String, String> now) {
    List<String> out = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(locked.keySet());
    ids.addAll(now.keySet());
    String fix = " If the change is deliberate, re-freeze with " + GateLock.REFREEZE_COMMAND + " (rewrites "
        + file.getFileName() + "), recalibrate the grader and commit the lock; otherwise revert the grader.";
    for (String id : ids) {
      String was = locked.get(id);
      String is = now.get(id);
      if (was == null) {
        out.add("grader '" + id + "' is not in " + file.getFileName() + " (new grader, fingerprint "
            + GraderFingerprint.shortForm(is) + ")." + fix);
      } else if (is == null) {
        out.add("grader '" + id + "' is frozen in " + file.getFileName() + " but no longer declared." + fix);
      } else if (!was.equals(is)) {
        out.add("grader '" + id + "' changed since the gate was frozen: its type, settings, prompt text or model"
            + " differ (fingerprint " + GraderFingerprint.shortForm(was) + " in " + file.getFileName() + ", now "
            + GraderFingerprint.shortForm(is) + "). The thresholds were set with the old measurement." + fix);
      }
    }
    return out;
  }

  public boolean passed() {
    return problems.isEmpty();
  }
}
