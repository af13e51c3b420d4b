package dev.rehearsal.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project and this module are, from the build's system property or the working directory. */
final class DemoPaths {

  private DemoPaths() {}

  static Path root() {
    String root = System.getProperty("rehearsal.project-root");
    if (root != null && !root.isBlank()) {
      return Path.of(root).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".mvn"))) {
        return p;
      }
    }
    throw new IllegalStateException("Run from inside the project (no .mvn folder above " + Path.of("").toAbsolutePath() + ")");
  }

  static Path module() {
    return root().resolve("gate-specs");
  }
}
