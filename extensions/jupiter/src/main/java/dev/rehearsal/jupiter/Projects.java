package dev.rehearsal.jupiter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The project root and data root, from the engine's configuration keys (rehearsal.project-root, rehearsal.data-root). */
final class Projects {

  private Projects() {}

  static Path root(ExtensionContext context) {
    Optional<String> configured = context.getConfigurationParameter("rehearsal.project-root")
        .or(() -> Optional.ofNullable(System.getProperty("rehearsal.project-root")));
    if (configured.isPresent() && !configured.get().isBlank()) {
      return Path.of(configured.get()).toAbsolutePath().normalize();
    }
    // The build's root (the folder holding .mvn), else the working directory.
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".mvn"))) {
        return p;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  static Path dataRoot(ExtensionContext context, Path root) {
    return context.getConfigurationParameter("rehearsal.data-root")
        .or(() -> Optional.ofNullable(System.getProperty("rehearsal.data-root")))
        .map(Path::of).orElseGet(() -> root.resolve("../shared/data")).toAbsolutePath().normalize();
  }
}
