package dev.rehearsal.spec.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a path stays inside a root, judged on real paths: a lexical check alone lets a symbolic
 * link inside the project lead anywhere (issue 12, item 9).
 */
public final class Containment {

  private Containment() {}

  /** True when {@code path} (absolute, normalized) is inside {@code root}, symbolic links resolved. */
  public static boolean inside(Path path, Path root) {
    Path file = path.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    if (!file.startsWith(base)) {
      return false;
    }
    return real(file).startsWith(real(base));
  }

  /**
   * The real path of {@code path}, or of its nearest existing ancestor with the rest appended, so a
   * file that does not exist yet is still judged by where its directory really is.
   */
  static Path real(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      // A dangling link or an unreadable directory: judge by the link itself, which fails closed
      // below only when it leads outside; reading it later reports the I/O problem.
      return path;
    }
  }
}
