package dev.rehearsal.spec;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A grader declaration.
 *
 * @param id the grader id categories refer to
 * @param type the grader type ({@code refusal}, {@code pii}, {@code keywords}, {@code regex},
 *     {@code judge})
 * @param settings the type's other keys
 * @param mark where it is declared
 * @param texts files the declaration names, read when the spec was loaded (key {@code prompt}: the
 *     judge prompt template); reading them once freezes them for the run and keeps fingerprints
 *     independent of where the project is checked out
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GraderSpec(String id, String type, Map<String, Object> settings, Mark mark, Map<String, String> texts) {
  public GraderSpec {
    settings = Map.copyOf(settings);
    texts = Map.copyOf(texts);
  }

  /** A declaration that names no files. */
  public GraderSpec(String id, String type, Map<String, Object> settings, Mark mark) {
    this(id, type, settings, mark, Map.of());
  }
}
