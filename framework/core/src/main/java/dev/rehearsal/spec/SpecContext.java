package dev.rehearsal.spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What a gate file is resolved against.
 *
 * @param projectRoot spec-relative {@code path:} values must stay inside it
 * @param dataRoot {@code data:} values resolve against it and must stay inside it
 * @param environment looks up {@code ${VAR}} references
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SpecContext(Path projectRoot, Path dataRoot, Function<String, Optional<String>> environment) {

  public SpecContext {
    projectRoot = projectRoot.toAbsolutePath().normalize();
    dataRoot = dataRoot.toAbsolutePath().normalize();
  }

  /** The process environment, with the given roots. */
  public static SpecContext of(Path projectRoot, Path dataRoot) {
    return new SpecContext(projectRoot, dataRoot, name -> Optional.ofNullable(System.getenv(name)));
  }
}
