package dev.rehearsal.engine;

import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.store.StoreLocation;
import dev.rehearsal.spec.SpecContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/** The engine's configuration, read once from JUnit configuration parameters (see {@link Constants}). */
record EngineSettings(
    Path projectRoot, Path dataRoot, Path reportsDir, boolean printDecision, Optional<StoreLocation> store, boolean fresh,
    boolean refreeze) {

  static EngineSettings from(ConfigurationParameters params) {
    Path root = params.get(Constants.PROJECT_ROOT).filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(EngineSettings::defaultRoot).toAbsolutePath().normalize();
    Path data = params.get(Constants.DATA_ROOT).filter(s -> !s.isBlank())
        .or(() -> Optional.ofNullable(System.getenv("REHEARSAL_DATA_ROOT")).filter(s -> !s.isBlank()))
        .map(Path::of).orElseGet(() -> root.resolve("../shared/data")).toAbsolutePath().normalize();
    Path reports = params.get(Constants.REPORTS_DIR).map(Path::of).orElse(Path.of("target", "rehearsal"));
    boolean print = params.getBoolean(Constants.PRINT_DECISION).orElse(true);
    String store = params.get(Constants.STORE).orElse(root.resolve(".rehearsal/store.db").toString());
    // A jdbc: URL names a shared database store (docs/team-store.md), anything else a SQLite file.
    Optional<StoreLocation> storeFile = store.equals("none") ? Optional.empty() : Optional.of(StoreLocation.parse(store));
    // Also read as a system property so that 'mvn test -Drehearsal.refreeze=true' works with or
    // without implicit configuration parameters.
    boolean refreeze = params.getBoolean(Constants.REFREEZE).orElse(Boolean.getBoolean(Constants.REFREEZE));
    return new EngineSettings(root, data, reports, print, storeFile, params.getBoolean(Constants.FRESH).orElse(false),
        refreeze);
  }

  RunOptions runOptions() {
    store.flatMap(StoreLocation::file).ifPresent(s -> {
      try {
        Files.createDirectories(s.getParent());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot create the run store folder " + s.getParent(), e);
      }
    });
    return new RunOptions(fresh, System.out, java.time.Duration.ofSeconds(10), store);
  }

  SpecContext specContext() {
    return SpecContext.of(projectRoot, dataRoot);
  }

  private static Path defaultRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".mvn")) || Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return dir;
  }
}
