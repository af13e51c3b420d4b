package dev.rehearsal.spec;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A grader declaration.
 *
 * @param id the grader id categories refer to
 * @param type the grader type ({@code refusal}, {@code pii}, {@code keywords}, {@code regex})
 * @param settings the type's other keys
 * @param mark where it is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GraderSpec(String id, String type, Map<String, Object> settings, Mark mark) {
  public GraderSpec {
    settings = Map.copyOf(settings);
  }
}
